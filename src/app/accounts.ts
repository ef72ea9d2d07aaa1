/**
 * Accounts, sign-in sessions and API tokens. Credentials stay outside the ledger (an export must
 * never carry a password hash); every act on an account is recorded in it all the same, in the
 * same transaction as the change of the credentials.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ROLES, TOKEN_SCOPES, type AccountRole, type Principal, type TokenScope } from '../core/access/index.js';
import { composition } from './composition.js';
import { ACCOUNT_STREAMS } from '../modules/accounts/manifest.js';
import type { AccountRow, ApiTokenRow } from '../store/schema.js';
import { appendAll, refuse, type Actor, type Outcome } from './command.js';
import type { StreamAppend } from '../ledger/index.js';
import type { Concord } from './concord.js';

/** Lock-out after this many failed sign-ins in a row, for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const SESSION_HOURS = 12;
const MIN_PASSWORD = 12;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

export interface Account {
  readonly username: string;
  readonly role: AccountRole;
  readonly state: string | null;
  readonly mustChangePassword: boolean;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

export interface NewAccount {
  readonly username: string;
  readonly role: AccountRole;
  readonly state?: string | null | undefined;
  /** When omitted, a one-time password is generated and must be changed at the first sign-in. */
  readonly password?: string | undefined;
}

export function accountStream(username: string): string {
  return `${ACCOUNT_STREAMS}${username}`;
}

// Algorithm.Argon2id of @node-rs/argon2, an ambient const enum that isolated modules cannot read.
const argon2id = { algorithm: 2 } as const;

export async function createAccount(c: Concord, input: NewAccount, by: Actor): Promise<Outcome<{ account: Account; oneTimePassword: string | undefined }>> {
  const problem = accountProblem(c, input);
  if (problem) return refuse(c, 'create account', { code: 'invalid', ...problem }, by);
  const oneTimePassword = input.password === undefined ? randomBytes(12).toString('base64url') : undefined;
  const row: AccountRow = {
    username: input.username,
    role: input.role,
    state: input.role === 'delegate' ? (input.state ?? null) : null,
    password_hash: await hash(input.password ?? oneTimePassword ?? '', argon2id),
    must_change_password: oneTimePassword === undefined ? 0 : 1,
    created_at: c.clock.now().toISOString(),
    disabled_at: null,
    failed_logins: 0,
    locked_until: null,
  };
  const account = toAccount(row);
  const result = await c.append(
    [{ streamId: accountStream(row.username), expectedVersion: 0, events: [{ type: 'AccountCreated', validAt: row.created_at, data: { username: row.username, role: row.role, state: row.state } }] }],
    { actor: by.actor, idempotencyKey: by.idempotencyKey, alongside: async (trx) => { await trx.insertInto('accounts').values(row).execute(); } },
  );
  if (!result.ok) {
    const message = result.code === 'conflict' ? `an account "${input.username}" exists already` : `key "${result.key}" was already used for a different request`;
    return refuse(c, 'create account', { code: result.code === 'conflict' ? 'conflict' : 'idempotency-key-reused', field: 'username', message }, by);
  }
  return { ok: true, value: { account, oneTimePassword }, entries: result.entries };
}

function accountProblem(c: Concord, input: NewAccount): { field: string; message: string } | undefined {
  if (!USERNAME.test(input.username)) return { field: 'username', message: 'expected 2–63 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit' };
  if (!ROLES.includes(input.role)) return { field: 'role', message: `expected one of: ${ROLES.join(', ')}` };
  if (input.role === 'delegate') {
    const members = c.pack.members.map((m) => m.state);
    if (input.state === undefined || input.state === null || !members.includes(input.state)) {
      return { field: 'state', message: `a delegate is accredited by a member state; expected one of: ${members.join(', ')}` };
    }
  } else if (input.state !== undefined && input.state !== null) {
    return { field: 'state', message: `only a delegate is bound to a state, not the ${input.role} role` };
  }
  if (input.password !== undefined && characters(input.password) < MIN_PASSWORD) return { field: 'password', message: `expected at least ${MIN_PASSWORD} characters` };
  return undefined;
}

export async function listAccounts(c: Concord): Promise<Account[]> {
  return (await c.database.db.selectFrom('accounts').selectAll().orderBy('username').execute()).map(toAccount);
}

/** Disables an account: its sessions end and its tokens are revoked at once. */
export async function disableAccount(c: Concord, username: string, by: Actor): Promise<Outcome<Account>> {
  const row = await c.database.db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
  if (!row) return refuse(c, 'disable account', { code: 'not-found', field: 'username', message: `no account "${username}"` }, by);
  if (row.disabled_at !== null) return { ok: true, value: toAccount(row), entries: [] };
  const at = c.clock.now().toISOString();
  return appendAll(c, [accountAct(username, 'AccountDisabled', at, { username })], by, { ...toAccount(row), disabledAt: at }, 'disable account', async (trx) => {
    await trx.updateTable('accounts').set({ disabled_at: at }).where('username', '=', username).execute();
    await trx.deleteFrom('sign_ins').where('username', '=', username).execute();
    await trx.updateTable('api_tokens').set({ revoked_at: at }).where('username', '=', username).where('revoked_at', 'is', null).execute();
  });
}

/**
 * Changes the password. Every other session of the account ends with it: a password is changed
 * when it may be known to someone else, who may be signed in with it. The session that made the
 * change (`keepSignIn`) stays; API tokens stay, being revoked one by one. A wrong current
 * password counts towards the lock as at sign-in.
 */
export async function changePassword(c: Concord, username: string, change: { current: string; next: string }, by: Actor, keepSignIn?: string): Promise<Outcome<Account>> {
  const row = await c.database.db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
  if (!row) return refuse(c, 'change password', { code: 'not-found', field: 'username', message: `no account "${username}"` }, by);
  const now = c.clock.now().toISOString();
  if (row.locked_until !== null && row.locked_until > now) return refuse(c, 'change password', { code: 'locked', field: 'current', message: `the account is locked until ${row.locked_until}` }, by);
  if (!(await verify(row.password_hash, change.current))) {
    // Guessing here is guessing at sign-in: the same count locks the account, and ends the guesser's session.
    const locked = await countFailure(c, username);
    if (locked !== undefined) await c.database.db.deleteFrom('sign_ins').where('username', '=', username).execute();
    const message = locked === undefined ? 'the current password is not correct' : `the current password is not correct; after ${MAX_FAILED_LOGINS} wrong passwords the account is locked until ${locked} and signed out everywhere`;
    return refuse(c, 'change password', { code: 'wrong-password', field: 'current', message }, by);
  }
  if (characters(change.next) < MIN_PASSWORD) return refuse(c, 'change password', { code: 'weak-password', field: 'next', message: `expected at least ${MIN_PASSWORD} characters` }, by);
  if (change.next === change.current) return refuse(c, 'change password', { code: 'weak-password', field: 'next', message: 'the new password must differ from the current one' }, by);
  const passwordHash = await hash(change.next, argon2id);
  const at = c.clock.now().toISOString();
  const act = appendAll(c, [accountAct(username, 'PasswordChanged', at, { username })], { actor: by.actor }, { ...toAccount(row), mustChangePassword: false }, 'change password', async (trx) => {
    // Guesses sent at once are checked at once: one that comes right after the lock has ended this session changes nothing.
    if (keepSignIn !== undefined && !(await trx.selectFrom('sign_ins').select('id_hash').where('id_hash', '=', digest(keepSignIn)).executeTakeFirst())) throw new SignInEnded();
    await trx.updateTable('accounts').set({ password_hash: passwordHash, must_change_password: 0, failed_logins: 0 }).where('username', '=', username).execute();
    await trx
      .deleteFrom('sign_ins')
      .where('username', '=', username)
      .where('id_hash', '!=', keepSignIn === undefined ? '' : digest(keepSignIn))
      .execute();
  });
  return act.catch((error: unknown) => {
    if (error instanceof SignInEnded) return refuse(c, 'change password', { code: 'signed-out', field: 'session', message: 'the session has ended; sign in again' }, by);
    throw error;
  });
}

class SignInEnded extends Error {}

// ── Signing in ──────────────────────────────────────────────────────────────────────────────

export interface SignIn {
  readonly account: Account;
  /** The session's secret for the cookie; only its hash is kept. */
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** A hash verified when the account is unknown, so that a miss takes as long as a wrong password. */
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
  const row = await c.database.db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
  const now = c.clock.now().toISOString();
  decoyHash ??= hash(randomBytes(16).toString('hex'), argon2id);
  const passwordOk = await verify(row?.password_hash ?? (await decoyHash), password);
  const reason = !row ? 'unknown account' : row.disabled_at !== null ? 'disabled' : row.locked_until !== null && row.locked_until > now ? `locked until ${row.locked_until}` : passwordOk ? undefined : 'wrong password';
  if (reason !== undefined || !row) {
    const locked = row && !passwordOk ? await countFailure(c, username) : undefined;
    await sleep(backoffMs);
    return { ok: false, message: SIGN_IN_REFUSED, reason: `${reason ?? 'refused'}${locked ? `; locked until ${locked}` : ''}` };
  }
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.parse(now) + SESSION_HOURS * 3_600_000).toISOString();
  await c.database.db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set({ failed_logins: 0 }).where('username', '=', username).execute();
    await trx.insertInto('sign_ins').values({ id_hash: digest(sessionId), username, csrf_token: csrfToken, created_at: now, expires_at: expiresAt }).execute();
    await trx.deleteFrom('sign_ins').where('expires_at', '<', now).execute();
  });
  return { ok: true, value: { account: toAccount(row), sessionId, csrfToken, expiresAt } };
}

/** Counts a wrong password in one statement; the one that reaches the limit locks the account. */
async function countFailure(c: Concord, username: string): Promise<string | undefined> {
  const counted = await c.database.db
    .updateTable('accounts')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('username', '=', username)
    .returning('failed_logins')
    .executeTakeFirst();
  if (!counted || counted.failed_logins < MAX_FAILED_LOGINS) return undefined;
  const until = new Date(c.clock.now().getTime() + LOCK_MINUTES * 60_000).toISOString();
  await c.database.db.updateTable('accounts').set({ failed_logins: 0, locked_until: until }).where('username', '=', username).execute();
  return until;
}

export async function signOut(c: Concord, sessionId: string): Promise<void> {
  await c.database.db.deleteFrom('sign_ins').where('id_hash', '=', digest(sessionId)).execute();
}

/** The signed-in principal of a session cookie, with the session's CSRF token. */
export async function signInPrincipal(c: Concord, sessionId: string): Promise<{ principal: Principal; account: Account; csrfToken: string } | undefined> {
  const row = await c.database.db
    .selectFrom('sign_ins')
    .innerJoin('accounts', 'accounts.username', 'sign_ins.username')
    .selectAll('accounts')
    .select(['sign_ins.csrf_token', 'sign_ins.expires_at'])
    .where('sign_ins.id_hash', '=', digest(sessionId))
    .executeTakeFirst();
  if (!row || row.disabled_at !== null || row.expires_at <= c.clock.now().toISOString()) return undefined;
  return { principal: toPrincipal(row, TOKEN_SCOPES), account: toAccount(row), csrfToken: row.csrf_token };
}

// ── API tokens ──────────────────────────────────────────────────────────────────────────────

export interface ApiToken {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
}

const TOKEN_PREFIX = 'concord';
// The secret is base64url, which may itself hold "_".
const TOKEN_FORMAT = /^concord_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** Issues a token for a system acting as `username`; the secret is shown once and kept hashed. */
export async function issueToken(
  c: Concord,
  username: string,
  request: { name: string; scopes: readonly TokenScope[]; expiresInDays: number },
  by: Actor,
): Promise<Outcome<{ token: ApiToken; secret: string }>> {
  const holder = await c.database.db.selectFrom('accounts').select('role').where('username', '=', username).executeTakeFirst();
  const { access } = await composition();
  const allowed = access().scopesOfRole((holder?.role ?? 'observer') as AccountRole);
  const bad = request.scopes.find((s) => !allowed.includes(s));
  if (bad !== undefined || request.scopes.length === 0) return refuse(c, 'issue token', { code: 'invalid', field: 'scopes', message: `a token of this account holds some of: ${allowed.join(', ')}` }, by);
  if (!Number.isInteger(request.expiresInDays) || request.expiresInDays < 1 || request.expiresInDays > 366) {
    return refuse(c, 'issue token', { code: 'invalid', field: 'expiresInDays', message: 'expected a whole number of days from 1 to 366' }, by);
  }
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const now = c.clock.now();
  const token: ApiToken = {
    id,
    username,
    name: request.name,
    scopes: [...new Set(request.scopes)],
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + request.expiresInDays * 86_400_000).toISOString(),
    revokedAt: null,
  };
  const row: ApiTokenRow = { id, username, name: token.name, secret_hash: digest(secret), scopes: JSON.stringify(token.scopes), created_at: token.createdAt, expires_at: token.expiresAt, revoked_at: null };
  const recorded = { id, username, name: token.name, scopes: token.scopes, created_at: token.createdAt, expires_at: token.expiresAt };
  return appendAll(c, [accountAct(username, 'TokenIssued', token.createdAt, recorded)], by, { token, secret: `${TOKEN_PREFIX}_${id}_${secret}` }, 'issue token', async (trx) => {
    await trx.insertInto('api_tokens').values(row).execute();
  });
}

export async function tokensOf(c: Concord, username: string): Promise<ApiToken[]> {
  return (await c.database.db.selectFrom('api_tokens').selectAll().where('username', '=', username).orderBy('created_at').execute()).map(toToken);
}

export async function revokeToken(c: Concord, username: string, id: string, by: Actor): Promise<Outcome<ApiToken>> {
  const row = await c.database.db.selectFrom('api_tokens').selectAll().where('id', '=', id).where('username', '=', username).executeTakeFirst();
  if (!row) return refuse(c, 'revoke token', { code: 'not-found', field: 'id', message: `no token ${id} of ${username}` }, by);
  if (row.revoked_at !== null) return { ok: true, value: toToken(row), entries: [] };
  const at = c.clock.now().toISOString();
  return appendAll(c, [accountAct(username, 'TokenRevoked', at, { id, username })], by, toToken({ ...row, revoked_at: at }), 'revoke token', async (trx) => {
    await trx.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
  });
}

/** The principal a bearer token stands for, or why it stands for none. */
export async function tokenPrincipal(c: Concord, bearer: string): Promise<{ ok: true; principal: Principal; tokenId: string } | { ok: false; reason: string }> {
  const [, id, secret] = TOKEN_FORMAT.exec(bearer) ?? [];
  if (id === undefined || secret === undefined) return { ok: false, reason: 'not a Concord token' };
  const row = await c.database.db
    .selectFrom('api_tokens')
    .innerJoin('accounts', 'accounts.username', 'api_tokens.username')
    .selectAll('accounts')
    .select(['api_tokens.secret_hash', 'api_tokens.scopes', 'api_tokens.expires_at', 'api_tokens.revoked_at'])
    .where('api_tokens.id', '=', id)
    .executeTakeFirst();
  if (!row || !timingSafeEqual(Buffer.from(row.secret_hash), Buffer.from(digest(secret)))) return { ok: false, reason: 'unknown token' };
  if (row.revoked_at !== null) return { ok: false, reason: `token ${id} was revoked on ${row.revoked_at}` };
  if (row.expires_at <= c.clock.now().toISOString()) return { ok: false, reason: `token ${id} expired on ${row.expires_at}` };
  if (row.disabled_at !== null) return { ok: false, reason: `the account of token ${id} is disabled` };
  return { ok: true, principal: toPrincipal(row, JSON.parse(row.scopes) as TokenScope[]), tokenId: id };
}

// ── The first administrator ─────────────────────────────────────────────────────────────────

/** On a database without an administrator, creates "admin" with a one-time password to print once. */
export async function ensureFirstAdmin(c: Concord): Promise<{ username: string; oneTimePassword: string } | undefined> {
  const any = await c.database.db.selectFrom('accounts').select('username').where('role', '=', 'admin').limit(1).executeTakeFirst();
  if (any) return undefined;
  const created = await createAccount(c, { username: 'admin', role: 'admin' }, { actor: 'concord:setup', quiet: true });
  // Two servers starting together: the other one created it, and printed its password.
  if (!created.ok || created.value.oneTimePassword === undefined) return undefined;
  return { username: 'admin', oneTimePassword: created.value.oneTimePassword };
}

/** An act on an account, recorded on the account's stream. */
function accountAct(username: string, type: string, at: string, data: unknown): StreamAppend {
  return { streamId: accountStream(username), expectedVersion: 'any', events: [{ type, validAt: at, data }] };
}

function toAccount(row: AccountRow): Account {
  return { username: row.username, role: row.role as AccountRole, state: row.state, mustChangePassword: row.must_change_password === 1, createdAt: row.created_at, disabledAt: row.disabled_at };
}

function toPrincipal(row: AccountRow, scopes: readonly TokenScope[]): Principal {
  return { username: row.username, role: row.role as AccountRole, state: row.state, scopes };
}

function toToken(row: ApiTokenRow): ApiToken {
  return { id: row.id, username: row.username, name: row.name, scopes: JSON.parse(row.scopes) as TokenScope[], createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at };
}

/** A password's length as people count it: one for each character they typed, whatever the script. */
function characters(text: string): number {
  return [...new Intl.Segmenter().segment(text)].length;
}

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
