/**
 * What the acts on accounts, signing in and the API tokens share: how an act is recorded on the
 * account's stream, how a password's hash is kept beside the ledger and trusted only when the
 * ledger recorded its digest, and an account's rows as the application shows them.
 */
import type { Kysely } from 'kysely';
import type { AccountRole, Principal, TokenScope } from '../core/access/index.js';
import { ACCOUNT_STREAMS } from '../modules/accounts/manifest.js';
import { sha256 } from '../modules/accounts/record.js';
import { withCredentials } from '../modules/accounts/tables.js';
import type { StreamAppend } from '../ledger/index.js';
import type { AccountRow, Tables } from '../store/schema.js';
import { appendAll, refuse, type Actor, type Outcome, type Refusal } from './command.js';
import type { Alongside, Concord } from './concord.js';

export interface Account {
  readonly username: string;
  readonly role: AccountRole;
  readonly state: string | null;
  readonly mustChangePassword: boolean;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

// Algorithm.Argon2id of @node-rs/argon2, an ambient const enum that isolated modules cannot read.
export const argon2id = { algorithm: 2 } as const;

export function accountStream(username: string): string {
  return `${ACCOUNT_STREAMS}${username}`;
}

/** An act on an account, recorded on the account's stream; with the version read, a concurrent act on it is a conflict. */
export function accountAct(username: string, type: string, at: string, data: unknown, version: number | 'any' = 'any'): StreamAppend {
  return { streamId: accountStream(username), expectedVersion: version, events: [{ type, validAt: at, data }] };
}

/** The password's hash beside the ledger, replacing any earlier one; the lock and the count start again. */
export async function storePasswordHash(trx: Kysely<Tables>, username: string, passwordHash: string): Promise<void> {
  await withCredentials(trx)
    .insertInto('account_credentials')
    .values({ username, password_hash: passwordHash, failed_logins: 0, locked_until: null })
    .onConflict((oc) => oc.column('username').doUpdateSet({ password_hash: passwordHash, failed_logins: 0, locked_until: null }))
    .execute();
}

/** Whether a stored hash is the one the ledger recorded: a hash swapped behind its back opens nothing. */
export function trusted(row: AccountRow, passwordHash: string): boolean {
  return row.password_hash_digest !== null && sha256(passwordHash) === row.password_hash_digest;
}

/** Thrown inside an append's transaction to roll it back and refuse the command. */
export class RefusedWithin extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** Appends with a write beside the ledger that may refuse the command from inside the transaction. */
export async function appendRefusable<T>(c: Concord, requests: StreamAppend[], by: Actor, value: T, describe: string, alongside: Alongside): Promise<Outcome<T>> {
  try {
    return await appendAll(c, requests, by, value, describe, alongside);
  } catch (error) {
    if (error instanceof RefusedWithin) return refuse(c, describe, error.refusal, by);
    throw error;
  }
}

export function toAccount(row: AccountRow): Account {
  return { username: row.username, role: row.role as AccountRole, state: row.state, mustChangePassword: row.must_change_password === 1, createdAt: row.created_at, disabledAt: row.disabled_at };
}

export function toPrincipal(row: AccountRow, scopes: readonly TokenScope[]): Principal {
  return { username: row.username, role: row.role as AccountRole, state: row.state, scopes };
}
