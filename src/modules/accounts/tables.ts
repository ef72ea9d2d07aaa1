/**
 * The tables of accounts: `accounts` and `api_tokens` are the projection of the account streams
 * (rebuilt by `concord ledger replay`, compared by `checkPowerTables`); `account_credentials`
 * holds what must never enter the ledger or an export (the argon2 hash of each password) and what
 * changes with every sign-in (failed attempts, the lock), keyed by username.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../../store/dialect.js';
import type { Tables } from '../../store/schema.js';
import type { Projection, ReadModel, Step } from '../module.js';
import { ACCOUNT_STREAMS } from './manifest.js';
import { ACCOUNT_EVENT_TYPES, powerChanges, type PowerChange, type RecordedAct } from './record.js';

export type CredentialRow = {
  username: string;
  password_hash: string;
  failed_logins: number;
  locked_until: string | null;
};

// A type alias, not an interface: Kysely reads a table map as a record, which an interface is not.
export type CredentialTables = { account_credentials: CredentialRow };

/** The store's tables with the passwords kept beside the ledger. */
export function withCredentials(db: Kysely<Tables>): Kysely<Tables & CredentialTables> {
  return db.withTables<CredentialTables>();
}

export const POWER_READ_MODELS: readonly ReadModel[] = [
  { table: 'accounts', key: 'username' },
  { table: 'api_tokens', key: 'id' },
];

export const powerProjection: Projection = {
  canHandle: ACCOUNT_EVENT_TYPES,
  project: async (trx, entries) => {
    for (const entry of entries) for (const change of powerChanges(entry)) await applyChange(trx, change);
  },
};

async function applyChange(trx: Kysely<Tables>, change: PowerChange): Promise<void> {
  switch (change.kind) {
    case 'account-created':
      await trx.insertInto('accounts').values(change.row).execute();
      return;
    case 'account-changed':
      await trx.updateTable('accounts').set(change.set).where('username', '=', change.username).execute();
      return;
    case 'token-issued':
      await trx.insertInto('api_tokens').values(change.row).execute();
      return;
    case 'tokens-revoked': {
      let live = trx.updateTable('api_tokens').set({ revoked_at: change.at }).where('username', '=', change.username).where('revoked_at', 'is', null);
      if (change.id !== undefined) live = live.where('id', '=', change.id);
      await live.execute();
    }
  }
}

/** Every act on the account streams, in ledger order, as the projection reads them. */
export async function readAccountActs(db: Kysely<Tables>, dialect: Dialect): Promise<RecordedAct[]> {
  // By substring, not by range: a range of text sorts by the database's collation.
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['type', 'valid_at', 'data'])
    .where((eb) => eb(eb.fn('substr', ['stream_id', eb.val(1), eb.val(ACCOUNT_STREAMS.length)]), '=', ACCOUNT_STREAMS))
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ type: r.type, validAt: r.valid_at, data: dialect.decodeJson(r.data) }));
}

export const migrations: Readonly<Record<string, Step>> = {
  /**
   * The tables become the ledger's projection, rebuilt from the account streams. Passwords and
   * tokens set before the ledger recorded their digests cannot be told from forged ones, so they
   * are not carried over: `concord serve` gives the first administrator a one-time password, and
   * the administrator resets the others' and issues new tokens.
   */
  '001-power-from-the-ledger': async (untyped, dialect) => {
    const db = untyped as unknown as Kysely<Tables>;
    await db.schema.dropTable('accounts').execute();
    await db.schema.dropTable('api_tokens').execute();
    await db.schema
      .createTable('accounts')
      .addColumn('username', 'text', (c) => c.primaryKey())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('state', 'text')
      .addColumn('must_change_password', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .addColumn('password_hash_digest', 'text')
      .execute();
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('secret_hash_digest', 'text')
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('api_tokens_username').on('api_tokens').column('username').execute();
    await db.schema
      .createTable('account_credentials')
      .addColumn('username', 'text', (c) => c.primaryKey())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .execute();
    for (const act of await readAccountActs(db, dialect)) for (const change of powerChanges(act)) await applyChange(db, change);
    // The sessions of passwords that are gone end with them.
    await db.deleteFrom('sign_ins').execute();
  },
};
