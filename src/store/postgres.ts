/**
 * A PostgreSQL server, for production and several processes: a pool for the work, a connection
 * of its own to LISTEN for appends. A server out of reach, or one without Concord's tables for a
 * command that only reads, is said as a StoreError naming its address.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import type { Database, OpenMode } from './database.js';
import { POSTGRES } from './dialect.js';
import { readLockedHead } from './head.js';
import { insertGuardedPostgres } from './ledger-writes.js';
import type { Tables } from './schema.js';
import { errorCode, storageFailure, StoreError, unreachable } from './store-error.js';

export async function openPostgres(url: string, schema: string | undefined, mode: OpenMode): Promise<Database> {
  const { default: pg } = await import('pg');
  const address = new URL(url);
  const server = `${address.hostname}:${address.port || '5432'}`;
  const location = `PostgreSQL ${server}${address.pathname}${schema ? ` (schema ${schema})` : ''}`;
  const settings = [schema ? `-c search_path=${schema}` : '', mode === 'read-only' ? '-c default_transaction_read_only=on' : ''].filter(Boolean).join(' ');
  const config = { connectionString: url, ...(settings ? { options: settings } : {}) };
  await firstContact(pg, config, server, location, mode);
  const bigintAsNumber = ((oid: number, format?: string) => (oid === INT8_OID ? Number : (pg.types.getTypeParser.bind(pg.types) as (oid: number, format?: string) => (value: string) => unknown)(oid, format))) as pg.CustomTypesConfig['getTypeParser'];
  const pool = new pg.Pool({
    ...config,
    max: 10,
    // 64-bit integers (sequence numbers) come back as numbers; Concord's stay far below 2^53.
    types: { getTypeParser: bigintAsNumber },
  });
  // An idle connection the server drops is replaced at the next query; it must not end the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  let problem: StoreError | undefined;
  const noteFailure = (error: unknown): StoreError | undefined => {
    const failure = storageFailure(error, location) ?? unreachable(server, error);
    if (failure) problem = failure;
    return failure;
  };
  const failed = (error: unknown): unknown => noteFailure(error) ?? error;
  return {
    db,
    dialect: POSTGRES,
    schema,
    location,
    // Locking the head row serializes writers; a waiting writer then reads the head as committed.
    writeTransaction: async (work) => {
      try {
        const result = await db.transaction().execute(async (trx) => work(trx, await readLockedHead(trx, 'for update')));
        problem = undefined;
        return result;
      } catch (error) {
        throw failed(error);
      }
    },
    insertEntries: insertGuardedPostgres,
    watchHead: (onMove) => listenForHead(pg, config, schema ?? 'public', onMove),
    // The server answering again ends its being out of reach; a full disk ends with a write that succeeds.
    noteFailure,
    storageProblem: async () => {
      try {
        await sql`select 1`.execute(db);
        if (problem?.problem === 'unreachable') problem = undefined;
      } catch (error) {
        failed(error);
      }
      return problem;
    },
    close: () => db.destroy(),
  };
}

/** Before the pool: one connection that says plainly why the server cannot be used, and whether Concord's tables are there. */
async function firstContact(pg: typeof import('pg').default, config: pg.ClientConfig, server: string, location: string, mode: OpenMode): Promise<void> {
  const client = new pg.Client({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const reason = `${error instanceof Error ? error.message : String(error)}${errorCode(error) ? ` (${errorCode(error)})` : ''}`;
    throw unreachable(server, error) ?? new StoreError('unreachable', `PostgreSQL at ${server} refused the connection: ${reason}`, 'PostgreSQL refused the connection');
  }
  try {
    if (mode === 'create') return;
    const found = await client.query<{ head: string | null }>(`select to_regclass('ledger_head')::text as head`);
    if (found.rows[0]?.head == null) throw new StoreError('no-database', `no Concord database at ${location}`, 'no Concord database');
  } finally {
    await client.end().catch(() => undefined);
  }
}

const CONNECT_TIMEOUT_MS = 10_000;

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

const INT8_OID = 20;
