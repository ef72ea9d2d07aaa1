/**
 * Accounts and tokens at the desk: the administrator manages accounts; anyone signed in with a
 * password manages the tokens of their own account (a token never mints another).
 */
import type { TokenScope } from '../../core/access/index.js';
import { changePassword, createAccount, disableAccount, issueToken, listAccounts, revokeToken, tokensOf, type Account, type ApiToken, type NewAccount } from '../accounts.js';
import type { Outcome } from '../command.js';
import type { Concord } from '../concord.js';
import { actorOf, found, guarded, type Signed } from './guard.js';

export function accounts(c: Concord, who: Signed): Promise<Outcome<Account[]>> {
  return guarded(c, who, 'accounts:manage', async () => found(await listAccounts(c)));
}

export function addAccount(c: Concord, who: Signed, input: NewAccount): Promise<Outcome<{ account: Account; oneTimePassword: string | undefined }>> {
  return guarded(c, who, 'accounts:manage', () => createAccount(c, input, actorOf(who)));
}

export function disable(c: Concord, who: Signed, username: string): Promise<Outcome<Account>> {
  return guarded(c, who, 'accounts:manage', () => disableAccount(c, username, actorOf(who)));
}

/** `sessionId`: the session the change is made in, which stays signed in while the others end. */
export function newPassword(c: Concord, who: Signed, change: { current: string; next: string }, sessionId?: string): Promise<Outcome<Account>> {
  return changePassword(c, who.principal.username, change, actorOf(who), sessionId);
}

export function ownTokens(c: Concord, who: Signed): Promise<Outcome<ApiToken[]>> {
  return guarded(c, who, 'tokens:read', async () => found(await tokensOf(c, who.principal.username)));
}

/** A token holds at most the scopes of its holder's role: the checks apply to it as to them. */
export function newToken(c: Concord, who: Signed, request: { name: string; scopes: readonly TokenScope[]; expiresInDays: number }): Promise<Outcome<{ token: ApiToken; secret: string }>> {
  return guarded(c, who, 'tokens:manage', () => issueToken(c, who.principal.username, request, actorOf(who)));
}

export function revoke(c: Concord, who: Signed, id: string): Promise<Outcome<ApiToken>> {
  return guarded(c, who, 'tokens:manage', () => revokeToken(c, who.principal.username, id, actorOf(who)));
}
