/**
 * The signed-in account as the core's access checks take it: a person at the desk holds every
 * scope their role can use, as the server gives a browser sign-in.
 */
import { TOKEN_SCOPES, type Action, type Principal } from '../../../src/core/access/index.js';
import type { Account } from '../api/types';

export type { Action, Principal } from '../../../src/core/access/index.js';

/** `can('decision:draft')`, `can('decision:position', 'KAZ')`. */
export type Can = (action: Action, forState?: string) => boolean;

export function principalOf(account: Account): Principal {
  return { username: account.username, role: account.role, state: account.state, scopes: TOKEN_SCOPES };
}
