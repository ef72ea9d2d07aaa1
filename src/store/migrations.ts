/**
 * The versioned migrations, one list for both engines; applied on open. The few column types
 * that differ (JSON, 64-bit integers) come from the dialect.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Dialect } from './dialect.js';

type Step = (db: Kysely<unknown>, dialect: Dialect) => Promise<void>;

const steps: Record<string, Step> = {
  '001-ledger': async (db, dialect) => {
    await db.schema
      .createTable('ledger_entries')
      .addColumn('seq', dialect.bigint, (c) => c.primaryKey())
      .addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('stream_version', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('data', dialect.json, (c) => c.notNull())
      .addColumn('valid_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text')
      .addColumn('reconstructed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addUniqueConstraint('ledger_entries_stream_version', ['stream_id', 'stream_version'])
      .execute();
    await db.schema
      .createTable('ledger_idempotency')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('first_seq', dialect.bigint, (c) => c.notNull())
      .addColumn('last_seq', dialect.bigint, (c) => c.notNull())
      .execute();
  },
  '002-registry-projections': async (db, dialect) => {
    await db.schema
      .createTable('projection_timeline')
      .addColumn('seq', dialect.bigint, (c) => c.primaryKey())
      .addColumn('party', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull())
      .addColumn('status', 'text')
      .addColumn('participating', 'integer')
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('known_from', 'text', (c) => c.notNull())
      .addColumn('act', 'text', (c) => c.notNull())
      .addColumn('cites', 'text', (c) => c.notNull())
      .addColumn('reconstructed', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('projection_timeline_party').on('projection_timeline').columns(['party', 'valid_from']).execute();
    await db.schema
      .createTable('projection_correspondence')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', dialect.bigint, (c) => c.notNull())
      .addColumn('sender', 'text', (c) => c.notNull())
      .addColumn('authority', 'text', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('dated', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('known_from', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('projection_statements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', dialect.bigint, (c) => c.notNull())
      .addColumn('speaker', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('venue', 'text', (c) => c.notNull())
      .addColumn('said_on', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('known_from', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('projection_timers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', dialect.bigint, (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('fired_seq', dialect.bigint)
      .execute();
    await db.schema
      .createTable('projection_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
};

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    getMigrations: () =>
      Promise.resolve(
        Object.fromEntries(
          Object.entries(steps).map(([name, step]): [string, Migration] => [name, { up: (db) => step(db, dialect) }]),
        ),
      ),
  };
}
