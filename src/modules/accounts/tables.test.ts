/**
 * A database from before the power tables were the ledger's projection: the migration rebuilds
 * them from the account streams, and keeps no password or token whose digest the ledger never
 * recorded, for none of them can be told from a forgery.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../composition.js';
import { enginesToTest } from '../../../test/support/stores.js';
import { checkPowerTables } from './check.js';
import { migrations, withCredentials } from './tables.js';

const engines = await enginesToTest();

const LEGACY = [
  { type: 'AccountCreated', data: { username: 'chief', role: 'admin', state: null } },
  { type: 'AccountCreated', data: { username: 'kaz', role: 'delegate', state: 'KAZ' } },
  { type: 'PasswordChanged', data: { username: 'chief' } },
  { type: 'TokenIssued', data: { id: 'aaaaaaaaaaaa', username: 'kaz', name: 'sync', scopes: ['read'], created_at: '2026-01-02T00:00:00.000Z', expires_at: '2026-02-01T00:00:00.000Z' } },
  { type: 'AccountDisabled', data: { username: 'kaz' } },
];

describe.each(engines)('the migration to power from the ledger on $label', (engine) => {
  it('rebuilds accounts and tokens from the account streams, keeping no secret the ledger has no digest of', async () => {
    const place = await engine.fresh();
    const database = await openStore(place.config);
    try {
      const db = database.db;
      // The tables as they were before: credentials in the rows, nothing of them in the ledger.
      for (const table of ['accounts', 'api_tokens', 'account_credentials']) await sql`drop table ${sql.table(table)}`.execute(db);
      await sql`create table accounts (username text primary key, role text not null, state text, password_hash text not null, must_change_password integer not null, created_at text not null, disabled_at text, failed_logins integer not null, locked_until text)`.execute(db);
      await sql`create table api_tokens (id text primary key, username text not null, name text not null, secret_hash text not null, scopes text not null, created_at text not null, expires_at text not null, revoked_at text)`.execute(db);
      await sql`insert into accounts values ('chief', 'analyst', null, '$argon2id$legacy', 0, '2026-01-01T00:00:00.000Z', null, 0, null)`.execute(db);
      for (const [i, event] of LEGACY.entries()) {
        const at = `2026-01-0${i + 1}T00:00:00.000Z`;
        await db
          .insertInto('ledger_entries')
          .values({ seq: i + 1, stream_id: `account-${event.data.username}`, stream_version: i + 1, type: event.type, data: JSON.stringify(event.data), valid_at: at, recorded_at: at, actor: 'test', idempotency_key: null, reconstructed: 0, prev_hash: '', hash: '' })
          .execute();
      }
      await migrations['001-power-from-the-ledger']?.(db as never, database.dialect);
      expect(await db.selectFrom('accounts').selectAll().orderBy('username').execute()).toEqual([
        { username: 'chief', role: 'admin', state: null, must_change_password: 1, created_at: '2026-01-01T00:00:00.000Z', disabled_at: null, password_hash_digest: null },
        { username: 'kaz', role: 'delegate', state: 'KAZ', must_change_password: 1, created_at: '2026-01-02T00:00:00.000Z', disabled_at: '2026-01-05T00:00:00.000Z', password_hash_digest: null },
      ]);
      expect(await db.selectFrom('api_tokens').select(['id', 'revoked_at', 'secret_hash_digest']).execute()).toEqual([{ id: 'aaaaaaaaaaaa', revoked_at: '2026-01-05T00:00:00.000Z', secret_hash_digest: null }]);
      expect(await withCredentials(db).selectFrom('account_credentials').selectAll().execute()).toEqual([]);
      expect(await checkPowerTables(database)).toEqual({ ok: true, accounts: 2, tokens: 1 });
    } finally {
      await database.close();
      await place.cleanup();
    }
  });
});
