/**
 * The engines every store test runs on: SQLite always, PostgreSQL where a server answers.
 * CONCORD_REQUIRE_POSTGRES=1 (set by CI) turns "no server" from a visible skip into a failure.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { StoreConfig } from '../../src/store/database.js';

export const POSTGRES_URL = process.env.CONCORD_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const POSTGRES_REQUIRED = process.env.CONCORD_REQUIRE_POSTGRES === '1';

export interface Engine {
  readonly name: 'sqlite' | 'postgres';
  readonly label: 'SQLite' | 'PostgreSQL';
  /** A fresh, empty place to store data, and how to remove it. */
  fresh(): Promise<{ config: StoreConfig; cleanup: () => Promise<void> }>;
}

export const sqlite: Engine = {
  name: 'sqlite',
  label: 'SQLite',
  fresh: () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'concord-test-'));
    const cleanup = () => {
      rmSync(dataDir, { recursive: true, force: true });
      return Promise.resolve();
    };
    return Promise.resolve({ config: { dataDir }, cleanup });
  },
};

export const postgres: Engine = {
  name: 'postgres',
  label: 'PostgreSQL',
  fresh: async () => {
    const { schema, drop } = await freshSchema('concord_test');
    return { config: { url: POSTGRES_URL, schema }, cleanup: drop };
  },
};

/** A new, empty schema on the test server, and how to drop it. */
export async function freshSchema(prefix: string): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create schema ${schema}`);
  return { schema, drop: () => adminQuery(`drop schema ${schema} cascade`) };
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function postgresReachable(): Promise<boolean> {
  try {
    await adminQuery('select 1');
    return true;
  } catch {
    return false;
  }
}

/** The engines to test on here, saying out loud when PostgreSQL is left out. */
export async function enginesToTest(): Promise<Engine[]> {
  if (await postgresReachable()) return [sqlite, postgres];
  if (POSTGRES_REQUIRED) return [sqlite, postgres];
  process.stderr.write(`\n⚠ PostgreSQL is not reachable at ${POSTGRES_URL}: its store tests are SKIPPED here (CI requires them).\n\n`);
  return [sqlite];
}
