/**
 * Opening an SQLite database to read only, wherever it lies. A database in WAL mode needs its
 * `-shm` index beside it; on read-only media (a folder and files nobody may write) SQLite cannot
 * make one, and without `immutable` (which better-sqlite3 cannot pass: it opens without URIs) it
 * refuses to open. Such a database is then read from a copy in memory, which is what `immutable`
 * would read, since nobody can be writing to it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { errorCode, StoreError } from './store-error.js';

type SqliteConstructor = typeof BetterSqlite3;

/** Bytes 18 and 19 of the header: the file format versions for writing and reading, 2 in WAL mode. */
const FORMAT_VERSIONS = [18, 19] as const;
const WAL_FORMAT = 2;
const LEGACY_FORMAT = 1;

export function openSqliteReadOnly(SQLiteDatabase: SqliteConstructor, file: string): BetterSqlite3.Database {
  let native: BetterSqlite3.Database | undefined;
  try {
    native = new SQLiteDatabase(file, { readonly: true, fileMustExist: true });
    // SQLite opens lazily: the first read is what finds out whether the index can be made.
    native.pragma('schema_version');
    return native;
  } catch (error) {
    native?.close();
    if (!cannotMakeIndex(errorCode(error))) throw error;
    return snapshot(SQLiteDatabase, file);
  }
}

function cannotMakeIndex(code: string | undefined): boolean {
  return code !== undefined && (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY'));
}

function snapshot(SQLiteDatabase: SqliteConstructor, file: string): BetterSqlite3.Database {
  const log = `${file}-wal`;
  // Writes still in the log are not in the file; reading the file alone would miss them.
  if (existsSync(log) && statSync(log).size > 0) {
    throw new StoreError(
      'read-only',
      `${log} holds writes not yet merged into ${file}, and SQLite cannot open them where they are (read-only media); copy the data folder to a writable place and read it there`,
      'the database may not be read where it is',
    );
  }
  const bytes = readFileSync(file);
  // An in-memory database has no WAL; the copy is marked as a rollback-journal database to open.
  for (const at of FORMAT_VERSIONS) if (bytes[at] === WAL_FORMAT) bytes[at] = LEGACY_FORMAT;
  return new SQLiteDatabase(bytes, { readonly: true });
}
