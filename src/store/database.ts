/**
 * Opening the database: SQLite in a data folder by default (sqlite.ts), PostgreSQL when a URL is
 * given (postgres.ts). Migrations run on open, unless it is opened read-only. Nothing outside
 * src/store knows which engine is underneath.
 */
import { Migrator, type Kysely } from 'kysely';
import type { Dialect } from './dialect.js';
import { migrationProvider, type Step } from './migrations.js';
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';
import { storageFailure, StoreError } from './store-error.js';
import type { LedgerHead, VersionGuard } from './ledger-writes.js';
import type { LedgerEntryRow, LedgerTreeRow, Tables } from './schema.js';

export type StoreConfig = { readonly dataDir: string } | { readonly url: string; readonly schema?: string };

/**
 * `create` sets up an empty database (what a command that acts does); `existing` opens only a
 * database already set up, and `read-only` also writes nothing to it, not even a migration
 * (what verifying or exporting a ledger on read-only media needs).
 */
export type OpenMode = 'create' | 'existing' | 'read-only';

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
  /** Insert entries and the tree's new subtrees and move the head, unless a stream's version is no longer the one expected. */
  insertEntries(trx: Kysely<Tables>, rows: readonly LedgerEntryRow[], guards: readonly VersionGuard[], head: LedgerHead, nodes: readonly LedgerTreeRow[]): Promise<boolean>;
  /**
   * Calls `onMove` when the ledger may have grown, whichever process wrote: PostgreSQL notifies at
   * each commit; an SQLite file is looked at a few times a second. Returns how to stop watching.
   */
  watchHead(onMove: () => void): Promise<() => Promise<void>>;
  /**
   * Why the database cannot take writes (the disk is full, the folder read-only, the server out
   * of reach), undefined when it can. After a write failed so, each call tries again with a write
   * that changes nothing, so that freeing space is noticed without waiting for the next act.
   */
  storageProblem(): Promise<StoreError | undefined>;
  /**
   * The storage error an operation outside the ledger's transaction met (an idempotency key, a
   * sign-in, an audit row), named, and kept for `storageProblem`; undefined for any other error.
   */
  noteFailure(error: unknown): StoreError | undefined;
  close(): Promise<void>;
}

/** `extra`: the migrations of the modules' own tables, applied after the store's. */
export async function openDatabase(config: StoreConfig, extra: Readonly<Record<string, Step>> = {}, mode: OpenMode = 'create'): Promise<Database> {
  const database = 'url' in config ? await openPostgres(config.url, config.schema, mode) : await openSqlite(config.dataDir, mode);
  try {
    if (mode === 'read-only') await requireMigrated(database, extra);
    else await migrate(database, extra);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function migratorOf(database: Database, extra: Readonly<Record<string, Step>>): Migrator {
  return new Migrator({
    db: database.db,
    provider: migrationProvider(database.dialect, extra),
    // A module added later brings migrations named after it, which sort among the store's own.
    allowUnorderedMigrations: true,
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
}

async function migrate(database: Database, extra: Readonly<Record<string, Step>>): Promise<void> {
  const { error, results } = await migratorOf(database, extra).migrateToLatest();
  if (error) {
    const storage = storageFailure(error, database.location);
    if (storage) throw storage;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed on ${database.location}: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
  }
}

/** A database opened read-only is read as it is, so it must already be at this version's schema. */
async function requireMigrated(database: Database, extra: Readonly<Record<string, Step>>): Promise<void> {
  const pending = (await migratorOf(database, extra).getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
  if (pending.length === 0) return;
  throw new StoreError(
    'outdated',
    `${database.location} was set up by an older Concord and needs migration ${pending.join(', ')}, which a read-only command does not apply; run a command that writes on it first (e.g. concord ledger replay)`,
    'the database needs a migration',
  );
}
