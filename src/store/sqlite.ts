/**
 * The embedded database: SQLite (better-sqlite3, WAL mode) in a data folder, one connection per
 * file in a process. What cannot be had or kept there (no database, a read-only folder, a full
 * disk) is said as a StoreError naming the file.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Kysely, sql, SqliteDialect } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database, OpenMode } from './database.js';
import { SQLITE } from './dialect.js';
import { readLockedHead } from './head.js';
import { insertGuarded } from './ledger-writes.js';
import type { Tables } from './schema.js';
import { openSqliteReadOnly } from './sqlite-read-only.js';
import { errorCode, storageFailure, StoreError, unwritableFolder } from './store-error.js';

/**
 * better-sqlite3 is synchronous: a second connection in the same process waiting for the write
 * lock would block the very thread that must release it. So one process shares one connection
 * per file (Kysely queues its users); other processes wait on the file lock as usual.
 */
const sqliteHandles = new Map<string, { database: Database; users: number }>();

export async function openSqlite(dataDir: string, mode: OpenMode): Promise<Database> {
  const file = resolve(join(dataDir, 'concord.db'));
  if (mode !== 'create' && !existsSync(file)) throw new StoreError('no-database', `no Concord database in ${resolve(dataDir)}`, 'no Concord database');
  // Each engine's driver is loaded only when used: a command starts faster without the other.
  const { default: SQLiteDatabase } = await import('better-sqlite3');
  // A read-only handle is its own: it must not serve the writers of this process.
  if (mode === 'read-only') return sqliteDatabase(openSqliteReadOnly(SQLiteDatabase, file), file, () => undefined);
  makeFolder(dataDir);
  // Looked up after the import, so that two opens racing through it still share one handle.
  const shared = sqliteHandles.get(file);
  if (shared) {
    shared.users++;
    return shared.database;
  }
  const database = sqliteDatabase(openSqliteForWriting(SQLiteDatabase, file), file, () => {
    const handle = sqliteHandles.get(file);
    if (handle && --handle.users > 0) return 'still used';
    sqliteHandles.delete(file);
    return undefined;
  });
  sqliteHandles.set(file, { database, users: 1 });
  return database;
}

function makeFolder(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    // A recursive mkdir on a read-only mount reports ENOENT; the folder it would write in says why.
    throw storageFailure(error, resolve(dataDir)) ?? unwritableFolder(nearestExisting(resolve(dataDir))) ?? error;
  }
}

function nearestExisting(folder: string): string {
  return existsSync(folder) || dirname(folder) === folder ? folder : nearestExisting(dirname(folder));
}

function openSqliteForWriting(SQLiteDatabase: typeof BetterSqlite3, file: string): BetterSqlite3.Database {
  let native: BetterSqlite3.Database | undefined;
  try {
    native = new SQLiteDatabase(file);
    native.pragma('journal_mode = WAL');
    native.pragma('synchronous = NORMAL');
    native.pragma('busy_timeout = 10000');
    return native;
  } catch (error) {
    native?.close();
    // SQLite cannot open a file whose folder refuses it its journal, and says only that.
    const cannotOpen = errorCode(error)?.startsWith('SQLITE_CANTOPEN') === true;
    throw storageFailure(error, file) ?? (cannotOpen ? unwritableFolder(dirname(file)) : undefined) ?? error;
  }
}

/** `release` says whether the handle is still used by another opener in this process. */
function sqliteDatabase(native: BetterSqlite3.Database, file: string, release: () => 'still used' | undefined): Database {
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: native }) });
  let problem: StoreError | undefined;
  const noteFailure = (error: unknown): StoreError | undefined => {
    const failure = storageFailure(error, file);
    if (failure) problem = failure;
    return failure;
  };
  const failed = (error: unknown): unknown => noteFailure(error) ?? error;
  return {
    db,
    dialect: SQLITE,
    location: `SQLite ${file}`,
    // BEGIN IMMEDIATE takes the write lock up front, so a second process waits instead of failing
    // when it tries to upgrade a read lock.
    writeTransaction: (work) =>
      db.connection().execute(async (conn) => {
        try {
          await sql`begin immediate`.execute(conn);
        } catch (error) {
          throw failed(error);
        }
        try {
          const result = await work(conn, await readLockedHead(conn, ''));
          await sql`commit`.execute(conn);
          problem = undefined;
          return result;
        } catch (error) {
          // SQLite rolls a transaction back itself when the disk fills; one still open is rolled back here.
          if (native.inTransaction) await sql`rollback`.execute(conn);
          throw failed(error);
        }
      }),
    insertEntries: insertGuarded,
    watchHead: (onMove) => {
      let seen = -1;
      const timer = setInterval(() => {
        readLockedHead(db, '').then((head) => {
          if (head.seq !== seen) onMove();
          seen = head.seq;
        }, () => undefined);
      }, SQLITE_WATCH_MS);
      return Promise.resolve(() => { clearInterval(timer); return Promise.resolve(); });
    },
    noteFailure,
    storageProblem: () => {
      if (problem) {
        try {
          // Writing the header's user version as it is: a page written, nothing changed.
          native.pragma(`user_version = ${Number(native.pragma('user_version', { simple: true }))}`);
          problem = undefined;
        } catch (error) {
          failed(error);
        }
      }
      return Promise.resolve(problem);
    },
    close: async () => {
      if (release() === 'still used') return;
      await db.destroy();
    },
  };
}

const SQLITE_WATCH_MS = 250;
