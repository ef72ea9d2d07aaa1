/**
 * Opening the database: SQLite in a data folder by default, PostgreSQL when a URL is given.
 * Migrations run on open. Nothing outside src/store knows which engine is underneath.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely';
import type pg from 'pg';
import { POSTGRES, SQLITE, type Dialect } from './dialect.js';
import { migrationProvider, type Step } from './migrations.js';
import { insertGuarded, insertGuardedPostgres, type LedgerHead, type VersionGuard } from './ledger-writes.js';
import type { LedgerEntryRow, Tables } from './schema.js';

export type StoreConfig = { readonly dataDir: string } | { readonly url: string; readonly schema?: string };

export interface Database {
  readonly db: Kysely<Tables>;
  readonly dialect: Dialect;
  /** The PostgreSQL schema the tables live in, when not the default one. */
  readonly schema?: string | undefined;
  /** Where the data lives, for people: a file path or a server address (never a password). */
  readonly location: string;
  /**
   * Run `work` in a transaction holding the ledger's write lock, with the chain's head as locked:
   * the hash chain is one chain, so appends are serialized, across processes too.
   */
  writeTransaction<T>(work: (trx: Kysely<Tables>, head: LedgerHead) => Promise<T>): Promise<T>;
  /** Insert entries and move the head, unless a stream's version is no longer the one expected. */
  insertEntries(trx: Kysely<Tables>, rows: readonly LedgerEntryRow[], guards: readonly VersionGuard[], head: LedgerHead): Promise<boolean>;
  /**
   * Calls `onMove` when the ledger may have grown, whichever process wrote: PostgreSQL notifies at
   * each commit; an SQLite file is looked at a few times a second. Returns how to stop watching.
   */
  watchHead(onMove: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** `extra`: the migrations of the modules' own tables, applied after the store's. */
export async function openDatabase(config: StoreConfig, extra: Readonly<Record<string, Step>> = {}): Promise<Database> {
  const database = 'url' in config ? await openPostgres(config.url, config.schema) : await openSqlite(config.dataDir);
  try {
    await migrate(database, extra);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * better-sqlite3 is synchronous: a second connection in the same process waiting for the write
 * lock would block the very thread that must release it. So one process shares one connection
 * per file (Kysely queues its users); other processes wait on the file lock as usual.
 */
const sqliteHandles = new Map<string, { database: Database; users: number }>();

async function openSqlite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const file = resolve(join(dataDir, 'concord.db'));
  // Each engine's driver is loaded only when used: a command starts faster without the other.
  const { default: SQLiteDatabase } = await import('better-sqlite3');
  // Looked up after the import, so that two opens racing through it still share one handle.
  const shared = sqliteHandles.get(file);
  if (shared) {
    shared.users++;
    return shared.database;
  }
  const native = new SQLiteDatabase(file);
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = NORMAL');
  native.pragma('busy_timeout = 10000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: native }) });
  const database: Database = {
    db,
    dialect: SQLITE,
    location: `SQLite ${file}`,
    // BEGIN IMMEDIATE takes the write lock up front, so a second process waits instead of failing
    // when it tries to upgrade a read lock.
    writeTransaction: (work) =>
      db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await work(conn, await readHead(conn, ''));
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn);
          throw error;
        }
      }),
    insertEntries: insertGuarded,
    watchHead: (onMove) => {
      let seen = -1;
      const timer = setInterval(() => {
        readHead(db, '').then((head) => {
          if (head.seq !== seen) onMove();
          seen = head.seq;
        }, () => undefined);
      }, SQLITE_WATCH_MS);
      return Promise.resolve(() => { clearInterval(timer); return Promise.resolve(); });
    },
    close: async () => {
      const handle = sqliteHandles.get(file);
      if (handle && --handle.users > 0) return;
      sqliteHandles.delete(file);
      await db.destroy();
    },
  };
  sqliteHandles.set(file, { database, users: 1 });
  return database;
}

async function openPostgres(url: string, schema: string | undefined): Promise<Database> {
  const { default: pg } = await import('pg');
  const bigintAsNumber = ((oid: number, format?: string) => (oid === INT8_OID ? Number : (pg.types.getTypeParser.bind(pg.types) as (oid: number, format?: string) => (value: string) => unknown)(oid, format))) as pg.CustomTypesConfig['getTypeParser'];
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    // 64-bit integers (sequence numbers) come back as numbers; Concord's stay far below 2^53.
    types: { getTypeParser: bigintAsNumber },
  });
  // An idle connection the server drops is replaced at the next query; it must not end the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const address = new URL(url);
  return {
    db,
    dialect: POSTGRES,
    schema,
    location: `PostgreSQL ${address.hostname}:${address.port || '5432'}${address.pathname}${schema ? ` (schema ${schema})` : ''}`,
    // Locking the head row serializes writers; a waiting writer then reads the head as committed.
    writeTransaction: (work) => db.transaction().execute(async (trx) => work(trx, await readHead(trx, 'for update'))),
    insertEntries: insertGuardedPostgres,
    watchHead: (onMove) => listenForHead(pg, { connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) }, schema ?? 'public', onMove),
    close: () => db.destroy(),
  };
}

const SQLITE_WATCH_MS = 250;

/**
 * A connection of its own LISTENs for the head's moves (migration 006 notifies them with the
 * schema, as one channel serves every schema of a database); it reconnects when it drops.
 */
async function listenForHead(pg: typeof import('pg').default, config: pg.ClientConfig, schema: string, onMove: () => void): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  // Only a connection that once held is retried; the first failure is the caller's to report.
  let established = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client(config);
    next.on('notification', (message) => {
      if (message.payload?.startsWith(`${schema}:`)) onMove();
    });
    // A dropped connection is opened again, every few seconds until it holds or watching stops.
    const reconnect = (): void => {
      if (client !== next) return;
      client = undefined;
      void next.end().catch(() => undefined);
      if (!stopped && established) retry = setTimeout(keepTrying, LISTEN_RETRY_MS);
    };
    next.on('error', reconnect);
    next.on('end', reconnect);
    client = next;
    try {
      await next.connect();
      await next.query('listen concord_ledger');
    } catch (error) {
      reconnect();
      throw error;
    }
    established = true;
    // Whatever was committed while no one listened.
    onMove();
  };
  const keepTrying = (): void => {
    connect().catch(() => undefined);
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const last = client;
    client = undefined;
    await last?.end().catch(() => undefined);
  };
}

const LISTEN_RETRY_MS = 2000;

async function readHead(trx: Kysely<Tables>, lock: '' | 'for update'): Promise<LedgerHead> {
  const result = await sql<LedgerHead>`select seq, hash from ledger_head where id = 1 ${sql.raw(lock)}`.execute(trx);
  const head = result.rows[0];
  if (!head) throw new Error('the ledger head is missing: the database was not set up by Concord');
  return head;
}

const INT8_OID = 20;

async function migrate(database: Database, extra: Readonly<Record<string, Step>>): Promise<void> {
  const migrator = new Migrator({
    db: database.db,
    provider: migrationProvider(database.dialect, extra),
    // A module added later brings migrations named after it, which sort among the store's own.
    allowUnorderedMigrations: true,
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed on ${database.location}: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
  }
}
