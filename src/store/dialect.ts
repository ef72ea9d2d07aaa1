/**
 * What differs between SQLite and PostgreSQL, in one place: column types, JSON values, the
 * conflict error, and how a writer takes the ledger's lock.
 */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  readonly bigint: 'integer' | 'bigint';
  readonly json: 'text' | 'jsonb';
  /** A JSON column value as the engine returns it, turned back into a value. */
  decodeJson(column: unknown): unknown;
  /** Whether an error is a unique-constraint violation (a concurrent writer got there first). */
  isUniqueViolation(error: unknown): boolean;
}

export const SQLITE: Dialect = {
  name: 'sqlite',
  bigint: 'integer',
  json: 'text',
  decodeJson: (column) => JSON.parse(String(column)) as unknown,
  isUniqueViolation: (error) => hasCode(error, ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']),
};

export const POSTGRES: Dialect = {
  name: 'postgres',
  bigint: 'bigint',
  json: 'jsonb',
  decodeJson: (column) => column,
  isUniqueViolation: (error) => hasCode(error, ['23505']),
};

function hasCode(error: unknown, codes: readonly string[]): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && codes.includes(String((error).code));
}
