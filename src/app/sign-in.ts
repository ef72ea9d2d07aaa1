/**
 * Signing in with a password, and changing it. A stored hash counts only when the ledger
 * recorded its digest (`trusted`): one swapped behind the ledger's back signs no one in, and an
 * account imported from another database, whose password stayed there, signs in after a reset.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { TOKEN_SCOPES, type Principal } from '../core/access/index.js';
import { passwordProblem } from '../modules/accounts/passwords.js';
import { sha256 } from '../modules/accounts/record.js';
import { withCredentials } from '../modules/accounts/tables.js';
import { accountAct, appendRefusable, argon2id, RefusedWithin, storePasswordHash, toAccount, toPrincipal, trusted, type Account } from './account-acts.js';
import { refuse, type Actor, type Outcome } from './command.js';
import type { Concord } from './concord.js';
import { signInKey } from './instance-secrets.js';

/** Lock-out after this many failed sign-ins in a row, for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const SESSION_HOURS = 12;

/**
 * Changes the password. Every other session of the account ends with it: a password is changed
 * when it may be known to someone else, who may be signed in with it. The session that made the
 * change (`keepSignIn`) stays; API tokens stay, being revoked one by one. A wrong current
 * password counts towards the lock as at sign-in.
 */
export async function changePassword(c: Concord, username: string, change: { current: string; next: string }, by: Actor, keepSignIn?: string): Promise<Outcome<Account>> {
  const row = await c.database.db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
  if (!row) return refuse(c, 'change password', { code: 'not-found', field: 'username', message: `no account "${username}"` }, by);
  const credential = await withCredentials(c.database.db).selectFrom('account_credentials').selectAll().where('username', '=', username).executeTakeFirst();
  const now = c.clock.now().toISOString();
  if (credential && credential.locked_until !== null && credential.locked_until > now) return refuse(c, 'change password', { code: 'locked', field: 'current', message: `the account is locked until ${credential.locked_until}` }, by);
  if (!credential || !trusted(row, credential.password_hash) || !(await verify(credential.password_hash, change.current))) {
    // Guessing here is guessing at sign-in: the same count locks the account, and ends the guesser's session.
    const locked = await countFailure(c, username);
    if (locked !== undefined) await c.database.db.deleteFrom('sign_ins').where('username', '=', username).execute();
    const message = locked === undefined ? 'the current password is not correct' : `the current password is not correct; after ${MAX_FAILED_LOGINS} wrong passwords the account is locked until ${locked} and signed out everywhere`;
    return refuse(c, 'change password', { code: 'wrong-password', field: 'current', message }, by);
  }
  const weak = passwordProblem(change.next);
  if (weak !== undefined) return refuse(c, 'change password', { code: 'weak-password', field: 'next', message: weak }, by);
  if (change.next === change.current) return refuse(c, 'change password', { code: 'weak-password', field: 'next', message: 'the new password must differ from the current one' }, by);
  const passwordHash = await hash(change.next, argon2id);
  const act = accountAct(username, 'PasswordChanged', c.clock.now().toISOString(), { username, passwordHashDigest: sha256(passwordHash) });
  return appendRefusable(c, [act], { actor: by.actor }, { ...toAccount(row), mustChangePassword: false }, 'change password', async (trx) => {
    // Guesses sent at once are checked at once: one that comes right after the lock has ended this session changes nothing.
    if (keepSignIn !== undefined && !(await trx.selectFrom('sign_ins').select('id_hash').where('id_hash', '=', await signInHash(c, keepSignIn)).executeTakeFirst())) {
      throw new RefusedWithin({ code: 'signed-out', field: 'session', message: 'the session has ended; sign in again' });
    }
    await storePasswordHash(trx, username, passwordHash);
    await trx
      .deleteFrom('sign_ins')
      .where('username', '=', username)
      .where('id_hash', '!=', keepSignIn === undefined ? '' : await signInHash(c, keepSignIn))
      .execute();
  });
}

// ── Signing in ──────────────────────────────────────────────────────────────────────────────

export interface SignIn {
  readonly account: Account;
  /** The session's secret for the cookie; only its hash is kept. */
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** A hash verified when there is none to verify, so that a miss takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

export type SignInResult = { readonly ok: true; readonly value: SignIn } | { readonly ok: false; readonly message: string; readonly reason: string };

/** What every failed sign-in is told, whatever the cause: which accounts exist is not for the caller to learn. */
export const SIGN_IN_REFUSED = 'unknown account or wrong password, or the account is locked or disabled';

/**
 * Signs in with a password. Every failure costs the same (a password check and a wait) and says
 * the same; the reason goes to the log. MAX_FAILED_LOGINS wrong passwords in a row lock the
 * account for LOCK_MINUTES, counted in the database so that attempts made at once all count.
 */
export async function signIn(c: Concord, username: string, password: string, backoffMs = 250): Promise<SignInResult> {
  const row = await withCredentials(c.database.db)
    .selectFrom('accounts')
    .leftJoin('account_credentials', 'account_credentials.username', 'accounts.username')
    .selectAll('accounts')
    .select(['account_credentials.password_hash', 'account_credentials.locked_until'])
    .where('accounts.username', '=', username)
    .executeTakeFirst();
  const now = c.clock.now().toISOString();
  decoyHash ??= hash(randomBytes(16).toString('hex'), argon2id);
  const stored = row?.password_hash ?? null;
  const passwordOk = await verify(stored ?? (await decoyHash), password);
  const reason = !row
    ? 'unknown account'
    : row.disabled_at !== null
      ? 'disabled'
      : row.locked_until !== null && row.locked_until > now
        ? `locked until ${row.locked_until}`
        : stored === null
          ? 'no password is kept here (an imported account, or one set before passwords were on record): an administrator resets it'
          : !trusted(row, stored)
            ? 'the stored password hash is not the one the ledger recorded'
            : passwordOk
              ? undefined
              : 'wrong password';
  if (reason !== undefined || !row) {
    const locked = row && stored !== null && !passwordOk ? await countFailure(c, username) : undefined;
    await sleep(backoffMs);
    return { ok: false, message: SIGN_IN_REFUSED, reason: `${reason ?? 'refused'}${locked ? `; locked until ${locked}` : ''}` };
  }
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.parse(now) + SESSION_HOURS * 3_600_000).toISOString();
  const idHash = await signInHash(c, sessionId);
  await c.database.db.transaction().execute(async (trx) => {
    await withCredentials(trx).updateTable('account_credentials').set({ failed_logins: 0 }).where('username', '=', username).execute();
    await trx.insertInto('sign_ins').values({ id_hash: idHash, username, csrf_token: csrfToken, created_at: now, expires_at: expiresAt }).execute();
    await trx.deleteFrom('sign_ins').where('expires_at', '<', now).execute();
  });
  return { ok: true, value: { account: toAccount(row), sessionId, csrfToken, expiresAt } };
}

/** Counts a wrong password in one statement; the one that reaches the limit locks the account. */
async function countFailure(c: Concord, username: string): Promise<string | undefined> {
  const credentials = withCredentials(c.database.db);
  const counted = await credentials
    .updateTable('account_credentials')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('username', '=', username)
    .returning('failed_logins')
    .executeTakeFirst();
  if (!counted || counted.failed_logins < MAX_FAILED_LOGINS) return undefined;
  const until = new Date(c.clock.now().getTime() + LOCK_MINUTES * 60_000).toISOString();
  await credentials.updateTable('account_credentials').set({ failed_logins: 0, locked_until: until }).where('username', '=', username).execute();
  return until;
}

export async function signOut(c: Concord, sessionId: string): Promise<void> {
  await c.database.db.deleteFrom('sign_ins').where('id_hash', '=', await signInHash(c, sessionId)).execute();
}

/** The signed-in principal of a session cookie, with the session's CSRF token. */
export async function signInPrincipal(c: Concord, sessionId: string): Promise<{ principal: Principal; account: Account; csrfToken: string } | undefined> {
  const idHash = await signInHash(c, sessionId);
  const row = await c.database.db
    .selectFrom('sign_ins')
    .innerJoin('accounts', 'accounts.username', 'sign_ins.username')
    .selectAll('accounts')
    .select(['sign_ins.csrf_token', 'sign_ins.expires_at'])
    .where('sign_ins.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row || row.disabled_at !== null || row.expires_at <= c.clock.now().toISOString()) return undefined;
  return { principal: toPrincipal(row, TOKEN_SCOPES), account: toAccount(row), csrfToken: row.csrf_token };
}

/** A session's id as kept: its HMAC under the instance's sign-in key, which the database never holds. */
async function signInHash(c: Concord, sessionId: string): Promise<string> {
  return createHmac('sha256', await signInKey(c)).update(sessionId).digest('hex');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
