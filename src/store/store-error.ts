/**
 * Why the database cannot be used, said for the people who run Concord: what is wrong, where,
 * and the engine's or the system's own code (SQLITE_FULL, EROFS, ECONNREFUSED …), so that the
 * message leads to the fix instead of a stack trace.
 */
import { accessSync, constants } from 'node:fs';

export type StoreProblem =
  /** A command that only reads found no database to read. */
  | 'no-database'
  /** The PostgreSQL server does not answer at its address. */
  | 'unreachable'
  /** The folder or the file may not be written (a read-only mount, permissions). */
  | 'read-only'
  /** The disk (or the database server's) is full. */
  | 'full'
  /** The database needs migrations that a read-only open may not apply. */
  | 'outdated';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly problem: StoreProblem,
    /** The whole sentence, with the path or the address: for the log and the command line. */
    message: string,
    /** The same without the path, for an anonymous reader of the server (its readiness). */
    readonly summary: string,
  ) {
    super(message);
  }
}

const FULL = ['SQLITE_FULL', 'ENOSPC', 'EDQUOT', '53100'];
const READ_ONLY = ['SQLITE_READONLY', 'EROFS', 'EACCES', 'EPERM', '25006'];
const UNREACHABLE = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'];

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('code' in error && typeof error.code === 'string') return error.code;
  // The pg driver reports a host it tried at several addresses as one AggregateError.
  if (error instanceof AggregateError) return errorCode(error.errors[0]);
  return undefined;
}

function codeIn(code: string | undefined, family: readonly string[]): boolean {
  return code !== undefined && family.some((f) => code === f || code.startsWith(`${f}_`));
}

/** The error's own words, without the code Node puts in front of them (it is said already). */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = errorCode(error);
  return code !== undefined && message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message;
}

/**
 * An error of a write to `path` as a StoreError when it is a want of space or of permission;
 * undefined for any other (a bug, a constraint), which stays as it was.
 */
export function storageFailure(error: unknown, path: string): StoreError | undefined {
  if (error instanceof StoreError) return error;
  const code = errorCode(error);
  if (codeIn(code, FULL)) return new StoreError('full', `cannot write ${path}: ${code} (${reasonOf(error)}); free some space and retry`, `the disk is full (${code})`);
  if (codeIn(code, READ_ONLY)) return new StoreError('read-only', `cannot write ${path}: ${code} (${reasonOf(error)})`, `the database may not be written (${code})`);
  return undefined;
}

/**
 * SQLite says only SQLITE_CANTOPEN when it cannot make its journal beside the file; the folder
 * itself tells why (EROFS on a read-only mount, EACCES without permission).
 */
export function unwritableFolder(folder: string): StoreError | undefined {
  try {
    accessSync(folder, constants.W_OK);
    return undefined;
  } catch (error) {
    return storageFailure(error, folder);
  }
}

export function unreachable(address: string, error: unknown): StoreError | undefined {
  const code = errorCode(error);
  if (!codeIn(code, UNREACHABLE) && !/timeout/i.test(reasonOf(error))) return undefined;
  return new StoreError('unreachable', `cannot reach PostgreSQL at ${address} (${code ?? 'timeout'}: ${reasonOf(error)})`, `cannot reach PostgreSQL (${code ?? 'timeout'})`);
}
