/**
 * Opening the database: SQLite in a data folder by default, PostgreSQL when a URL is given.
 * Migrations run on open. Nothing outside src/store knows which engine is underneath.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLiteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import { POSTGRES, SQLITE, type Dialect } from './dialect.js';
import { migrationProvider } from './migrations.js';
import type { Tables } from './schema.js';

export type StoreConfig = { readonly dataDir: string } | { readonly url: string; readonly schema?: string };

export interface Database {
  readonly db: Kysely<Tables>;
  readonly dialect: Dialect;
  /** Where the data lives, for people: a file path or a server address (never a password). */
  readonly location: string;
  /**
   * Run `work` in a transaction holding the ledger's write lock: the hash chain is one chain, so
   * appends are serialized, across processes too.
   */
  writeTransaction<T>(work: (trx: Kysely<Tables>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The ledger's advisory lock key in PostgreSQL (any constant shared by every Concord process). */
const LEDGER_LOCK = 0x636f6e63;

export async function openDatabase(config: StoreConfig): Promise<Database> {
  const database = 'url' in config ? openPostgres(config.url, config.schema) : openSqlite(config.dataDir);
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function openSqlite(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true });
  const file = resolve(join(dataDir, 'concord.db'));
  const native = new SQLiteDatabase(file);
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = NORMAL');
  native.pragma('busy_timeout = 10000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: native }) });
  return {
    db,
    dialect: SQLITE,
    location: `SQLite ${file}`,
    // BEGIN IMMEDIATE takes the write lock up front, so a second process waits instead of failing
    // when it tries to upgrade a read lock.
    writeTransaction: (work) =>
      db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await work(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn);
          throw error;
        }
      }),
    close: () => db.destroy(),
  };
}

function openPostgres(url: string, schema: string | undefined): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    // 64-bit integers (sequence numbers) come back as numbers; Concord's stay far below 2^53.
    types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) } as pg.CustomTypesConfig,
  });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const address = new URL(url);
  return {
    db,
    dialect: POSTGRES,
    location: `PostgreSQL ${address.hostname}:${address.port || '5432'}${address.pathname}${schema ? ` (schema ${schema})` : ''}`,
    writeTransaction: (work) =>
      db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${LEDGER_LOCK})`.execute(trx);
        return work(trx);
      }),
    close: () => db.destroy(),
  };
}

async function migrate(database: Database): Promise<void> {
  const migrator = new Migrator({ db: database.db, provider: migrationProvider(database.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed on ${database.location}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
