/**
 * Accounts and tokens at the desk: the administrator manages accounts; anyone signed in with a
 * password manages the tokens of their own account (a token never mints another).
 */
import type { AccountRole, TokenScope } from '../../core/access/index.js';
import { changeRole, createAccount, disableAccount, listAccounts, resetPassword, type Account, type NewAccount } from '../accounts.js';
import { issueToken, revokeToken, tokensOf, type ApiToken } from '../api-tokens.js';
import type { Outcome } from '../command.js';
import { changePassword } from '../sign-in.js';
import type { Concord } from '../concord.js';
import { actorOf, found, guarded, type Signed } from './guard.js';

export function accounts(c: Concord, who: Signed): Promise<Outcome<Account[]>> {
  return guarded(c, who, 'accounts:manage', async () => found(await listAccounts(c)));
}

/** A password given here is the administrator's choice, not the holder's: it is changed at the first sign-in. */
export function addAccount(c: Concord, who: Signed, input: NewAccount): Promise<Outcome<{ account: Account; oneTimePassword: string | undefined }>> {
  return guarded(c, who, 'accounts:manage', () => createAccount(c, input, actorOf(who)));
}

export function disable(c: Concord, who: Signed, username: string): Promise<Outcome<Account>> {
  return guarded(c, who, 'accounts:manage', () => disableAccount(c, username, actorOf(who)));
}

export function assignRole(c: Concord, who: Signed, username: string, change: { role: AccountRole; state?: string | undefined }): Promise<Outcome<Account>> {
  return guarded(c, who, 'accounts:manage', () => changeRole(c, username, change, actorOf(who)));
}

export function reset(c: Concord, who: Signed, username: string): Promise<Outcome<{ account: Account; oneTimePassword: string }>> {
  return guarded(c, who, 'accounts:manage', () => resetPassword(c, username, actorOf(who)));
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
