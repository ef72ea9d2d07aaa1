/**
 * Accounts. Every attribute that grants power (role, state, disabled, whether the password must
 * be changed) is recorded in the ledger, and `accounts` is its projection
 * (src/modules/accounts/record.ts), checked by `checkPowerTables`. The password is not: its
 * argon2 hash stays beside the ledger in `account_credentials`, and an event carries only the
 * SHA-256 of that hash, so that a hash swapped behind the ledger's back never signs anyone in.
 */
import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { ROLES, type AccountRole } from '../core/access/index.js';
import { passwordProblem } from '../modules/accounts/passwords.js';
import { accountRowOf, sha256, type AccountCreated } from '../modules/accounts/record.js';
import { withCredentials } from '../modules/accounts/tables.js';
import type { AccountRow, Tables } from '../store/schema.js';
import { accountAct, accountStream, appendRefusable, argon2id, RefusedWithin, storePasswordHash, toAccount, type Account } from './account-acts.js';
import { appendAll, refuse, type Actor, type Outcome } from './command.js';
import type { Concord } from './concord.js';

export { accountStream, type Account } from './account-acts.js';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

export interface NewAccount {
  readonly username: string;
  readonly role: AccountRole;
  readonly state?: string | null | undefined;
  /** When omitted, a one-time password is generated. Either must be changed at the first sign-in. */
  readonly password?: string | undefined;
}

/**
 * Creates an account. A password set by someone other than its holder is changed at the first
 * sign-in; only `keepPassword` (the demo's published passwords, a test's) spares that, and
 * neither the API nor the command line sets it.
 */
export async function createAccount(
  c: Concord,
  input: NewAccount,
  by: Actor,
  options: { readonly keepPassword?: boolean } = {},
): Promise<Outcome<{ account: Account; oneTimePassword: string | undefined }>> {
  const problem = accountProblem(c, input.username, input.role, input.state);
  if (problem) return refuse(c, 'create account', { code: 'invalid', ...problem }, by);
  const weak = input.password === undefined ? undefined : passwordProblem(input.password);
  if (weak !== undefined) return refuse(c, 'create account', { code: 'invalid', field: 'password', message: weak }, by);
  const oneTimePassword = input.password === undefined ? newOneTimePassword() : undefined;
  const passwordHash = await hash(input.password ?? oneTimePassword ?? '', argon2id);
  const at = c.clock.now().toISOString();
  const created: AccountCreated = {
    username: input.username,
    role: input.role,
    state: input.role === 'delegate' ? (input.state ?? null) : null,
    mustChangePassword: oneTimePassword !== undefined || options.keepPassword !== true,
    passwordHashDigest: sha256(passwordHash),
  };
  const result = await c.append([{ streamId: accountStream(input.username), expectedVersion: 0, events: [{ type: 'AccountCreated', validAt: at, data: created }] }], {
    actor: by.actor,
    idempotencyKey: by.idempotencyKey,
    alongside: (trx) => storePasswordHash(trx, input.username, passwordHash),
  });
  if (!result.ok) {
    const message = result.code === 'conflict' ? `an account "${input.username}" exists already` : `key "${result.key}" was already used for a different request`;
    return refuse(c, 'create account', { code: result.code === 'conflict' ? 'conflict' : 'idempotency-key-reused', field: 'username', message }, by);
  }
  return { ok: true, value: { account: toAccount(accountRowOf(created, at)), oneTimePassword }, entries: result.entries };
}

function accountProblem(c: Concord, username: string, role: AccountRole, state: string | null | undefined): { field: string; message: string } | undefined {
  if (!USERNAME.test(username)) return { field: 'username', message: 'expected 2–63 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit' };
  if (!ROLES.includes(role)) return { field: 'role', message: `expected one of: ${ROLES.join(', ')}` };
  if (role === 'delegate') {
    const members = c.pack.members.map((m) => m.state);
    if (state === undefined || state === null || !members.includes(state)) {
      return { field: 'state', message: `a delegate is accredited by a member state; expected one of: ${members.join(', ')}` };
    }
  } else if (state !== undefined && state !== null) {
    return { field: 'state', message: `only a delegate is bound to a state, not the ${role} role` };
  }
  return undefined;
}

export async function listAccounts(c: Concord): Promise<Account[]> {
  return (await c.database.db.selectFrom('accounts').selectAll().orderBy('username').execute()).map(toAccount);
}

/** Disables an account: its sessions end and its tokens are revoked at once. */
export async function disableAccount(c: Concord, username: string, by: Actor): Promise<Outcome<Account>> {
  const found = await findAccount(c, username);
  if (!found) return refuse(c, 'disable account', { code: 'not-found', field: 'username', message: `no account "${username}"` }, by);
  if (found.row.disabled_at !== null) return { ok: true, value: toAccount(found.row), entries: [] };
  const at = c.clock.now().toISOString();
  return appendRefusable(c, [accountAct(username, 'AccountDisabled', at, { username }, found.version)], by, { ...toAccount(found.row), disabledAt: at }, 'disable account', async (trx) => {
    if (isActiveAdmin(found.row)) await keepAnAdministrator(trx, username, 'disabled');
    await trx.deleteFrom('sign_ins').where('username', '=', username).execute();
  });
}

/** Gives an account another role (and, for a delegate, the state that accredits it). */
export async function changeRole(c: Concord, username: string, change: { readonly role: AccountRole; readonly state?: string | null | undefined }, by: Actor): Promise<Outcome<Account>> {
  const problem = accountProblem(c, username, change.role, change.state);
  if (problem) return refuse(c, 'change role', { code: 'invalid', ...problem }, by);
  const found = await findAccount(c, username);
  if (!found) return refuse(c, 'change role', { code: 'not-found', field: 'username', message: `no account "${username}"` }, by);
  const state = change.role === 'delegate' ? (change.state ?? null) : null;
  const changed = { ...toAccount(found.row), role: change.role, state };
  if (found.row.role === change.role && found.row.state === state) return { ok: true, value: changed, entries: [] };
  const act = accountAct(username, 'AccountRoleChanged', c.clock.now().toISOString(), { username, role: change.role, state }, found.version);
  return appendRefusable(c, [act], by, changed, 'change role', async (trx) => {
    if (isActiveAdmin(found.row) && change.role !== 'admin') await keepAnAdministrator(trx, username, 'demoted');
  });
}

/**
 * An administrator sets a one-time password (a forgotten one, or one that stayed in the database
 * it was set in, before an import): it is changed at the first sign-in, and the account's
 * sessions end. The lock and the count of failures are cleared with it.
 */
export async function resetPassword(c: Concord, username: string, by: Actor): Promise<Outcome<{ account: Account; oneTimePassword: string }>> {
  const found = await findAccount(c, username);
  if (!found) return refuse(c, 'reset password', { code: 'not-found', field: 'username', message: `no account "${username}"` }, by);
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hash(oneTimePassword, argon2id);
  const act = accountAct(username, 'PasswordReset', c.clock.now().toISOString(), { username, passwordHashDigest: sha256(passwordHash) }, found.version);
  return appendAll(c, [act], by, { account: { ...toAccount(found.row), mustChangePassword: true }, oneTimePassword }, 'reset password', async (trx) => {
    await storePasswordHash(trx, username, passwordHash);
    await trx.deleteFrom('sign_ins').where('username', '=', username).execute();
  });
}

function isActiveAdmin(row: AccountRow): boolean {
  return row.role === 'admin' && row.disabled_at === null;
}

/**
 * Inside the append, after the projection: refuses when no active administrator would be left,
 * for then no one could manage the accounts. Appends are serialized, so two administrators
 * disabling each other at once cannot both succeed.
 */
async function keepAnAdministrator(trx: Kysely<Tables>, username: string, act: 'disabled' | 'demoted'): Promise<void> {
  const left = await trx.selectFrom('accounts').select((eb) => eb.fn.countAll().as('n')).where('role', '=', 'admin').where('disabled_at', 'is', null).executeTakeFirstOrThrow();
  if (Number(left.n) > 0) return;
  throw new RefusedWithin({ code: 'last-administrator', field: 'username', message: `${username} is the last active administrator and cannot be ${act}: make another account an administrator first` });
}

// ── The first administrator ─────────────────────────────────────────────────────────────────

/**
 * Makes sure an administrator can sign in: on a database without an active one, creates "admin";
 * where none of them has a password kept here (after an import: passwords stay with the database
 * they were set in), resets the first one's. Either way the one-time password is printed once.
 */
export async function ensureFirstAdmin(c: Concord): Promise<{ username: string; oneTimePassword: string; created: boolean } | undefined> {
  const admins = await withCredentials(c.database.db)
    .selectFrom('accounts')
    .leftJoin('account_credentials', 'account_credentials.username', 'accounts.username')
    .selectAll('accounts')
    .select('account_credentials.password_hash')
    .where('accounts.role', '=', 'admin')
    .where('accounts.disabled_at', 'is', null)
    .orderBy('accounts.username')
    .execute();
  const setup: Actor = { actor: 'concord:setup', quiet: true };
  const [first] = admins;
  if (!first) {
    const created = await createAccount(c, { username: 'admin', role: 'admin' }, setup);
    // Two servers starting together: the other one created it, and printed its password.
    if (!created.ok || created.value.oneTimePassword === undefined) return undefined;
    return { username: 'admin', oneTimePassword: created.value.oneTimePassword, created: true };
  }
  // A hash that is there but not the one on record is a forgery for the start check to report, not to paper over.
  if (admins.some((a) => a.password_hash !== null)) return undefined;
  const reset = await resetPassword(c, first.username, setup);
  return reset.ok ? { username: first.username, oneTimePassword: reset.value.oneTimePassword, created: false } : undefined;
}

/** An account with the version of its stream, read first: an act decided on the row then conflicts with any act since. */
async function findAccount(c: Concord, username: string): Promise<{ row: AccountRow; version: number } | undefined> {
  const stream = await c.database.db.selectFrom('ledger_entries').select((eb) => eb.fn.max('stream_version').as('version')).where('stream_id', '=', accountStream(username)).executeTakeFirst();
  const row = await c.database.db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
  return row ? { row, version: stream?.version ?? 0 } : undefined;
}

function newOneTimePassword(): string {
  return randomBytes(12).toString('base64url');
}
