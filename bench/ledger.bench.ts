/**
 * The ledger: appends one per transaction and in batches of 1,000, verification, replay and
 * reading, in events per second, on SQLite and on the PostgreSQL server; and, on the same server
 * in the same run, the same appends and reads with Emmett's PostgreSQL event store.
 *
 * The events carry a type no read model projects, so the append figures compare event store
 * with event store; replay measures the read models separately.
 */
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { appendToLedger, readStream, replayProjections, verifyChain } from '../src/ledger/index.js';
import type { Database } from '../src/store/database.js';
import { openStore, projectEntries, READ_MODELS } from '../src/modules/composition.js';
import { freshSchema, postgres, POSTGRES_URL, postgresReachable, sqlite, type Engine } from '../test/support/stores.js';
import { median, type BenchRow } from './report.js';

const SINGLE = 1000;
const BATCHES = 10;
const BATCH = 1000;
const STREAMS = 100;
const RUNS = 3;

function payload(i: number) {
  return { id: `n${i}`, sender: 'ARM', authority: 'Ministry of Foreign Affairs', reference: `${i}/2026`, dated: '2026-01-15', subject: 'A note of average length for the register' };
}

async function timed(events: number, work: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return events / seconds;
}

interface Subject {
  readonly engine: string;
  appendSingle(n: number): Promise<void>;
  appendBatches(): Promise<void>;
  readAll(): Promise<number>;
  verify?(): Promise<void>;
  replay?(): Promise<void>;
  close(): Promise<void>;
}

async function concordSubject(engine: Engine): Promise<Subject> {
  const { config, cleanup } = await engine.fresh();
  const database: Database = await openStore(config);
  let counter = 0;
  // Commands append with the version they read, as Concord's handlers do.
  const versions = new Map<string, number>();
  const options = () => ({ actor: 'bench', recordedAt: new Date().toISOString() });
  return {
    engine: `Concord on ${engine.label}`,
    appendSingle: async (n) => {
      for (let i = 0; i < n; i++, counter++) {
        const streamId = `bench-${counter % STREAMS}`;
        const expectedVersion = versions.get(streamId) ?? 0;
        const r = await appendToLedger(database, [{ streamId, expectedVersion, events: [{ type: 'BenchmarkEvent', data: payload(counter), validAt: '2026-01-15' }] }], options(), projectEntries);
        if (!r.ok) throw new Error(r.code);
        versions.set(streamId, expectedVersion + 1);
      }
    },
    appendBatches: async () => {
      for (let b = 0; b < BATCHES; b++) {
        const events = Array.from({ length: BATCH }, (_, i) => ({ type: 'BenchmarkEvent', data: payload(counter + i), validAt: '2026-01-15' }));
        counter += BATCH;
        const r = await appendToLedger(database, [{ streamId: `bench-batch-${counter}`, expectedVersion: 0, events }], options(), projectEntries);
        if (!r.ok) throw new Error(r.code);
      }
    },
    readAll: async () => {
      let read = 0;
      for (let s = 0; s < STREAMS; s++) read += (await readStream(database, `bench-${s}`)).length;
      return read;
    },
    verify: async () => {
      const r = await verifyChain(database);
      if (!r.ok) throw new Error(r.reason);
    },
    replay: async () => {
      await replayProjections(database, READ_MODELS);
    },
    close: async () => {
      await database.close();
      await cleanup();
    },
  };
}

async function emmettSubject(): Promise<Subject> {
  const { schema, drop } = await freshSchema('emmett_bench');
  const url = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const store = getPostgreSQLEventStore(url);
  await store.schema.migrate();
  let counter = 0;
  const versions = new Map<string, bigint>();
  return {
    engine: 'Emmett on PostgreSQL',
    appendSingle: async (n) => {
      for (let i = 0; i < n; i++, counter++) {
        const stream = `bench-${counter % STREAMS}`;
        const expectedStreamVersion = versions.get(stream) ?? 0n;
        const r = await store.appendToStream(stream, [{ type: 'BenchmarkEvent', data: payload(counter) }], { expectedStreamVersion });
        versions.set(stream, r.nextExpectedStreamVersion);
      }
    },
    appendBatches: async () => {
      for (let b = 0; b < BATCHES; b++) {
        const events = Array.from({ length: BATCH }, (_, i) => ({ type: 'BenchmarkEvent', data: payload(counter + i) }));
        counter += BATCH;
        await store.appendToStream(`bench-batch-${counter}`, events, { expectedStreamVersion: 0n });
      }
    },
    readAll: async () => {
      let read = 0;
      for (let s = 0; s < STREAMS; s++) read += (await store.readStream(`bench-${s}`)).events.length;
      return read;
    },
    close: async () => {
      await store.close();
      await drop();
    },
  };
}

async function measure(subject: Subject): Promise<BenchRow[]> {
  const single: number[] = [];
  const batch: number[] = [];
  const read: number[] = [];
  const verify: number[] = [];
  const replay: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    single.push(await timed(SINGLE, () => subject.appendSingle(SINGLE)));
    batch.push(await timed(BATCHES * BATCH, () => subject.appendBatches()));
    let events = 0;
    const rate = await timed(1, async () => {
      events = await subject.readAll();
    });
    read.push(rate * events);
  }
  const total = RUNS * (SINGLE + BATCHES * BATCH);
  for (let run = 0; run < RUNS; run++) {
    if (subject.verify) verify.push(await timed(total, () => subject.verify?.() ?? Promise.resolve()));
    if (subject.replay) replay.push(await timed(total, () => subject.replay?.() ?? Promise.resolve()));
  }
  const rows: BenchRow[] = [
    { group: 'ledger', name: `${subject.engine}: append, one per transaction`, detail: `${SINGLE} events × ${RUNS}`, median: median(single), unit: 'events/s' },
    { group: 'ledger', name: `${subject.engine}: append, batches of ${BATCH}`, detail: `${BATCHES * BATCH} events × ${RUNS}`, median: median(batch), unit: 'events/s' },
    { group: 'ledger', name: `${subject.engine}: read ${STREAMS} streams`, detail: `up to ${RUNS * SINGLE} events × ${RUNS}`, median: median(read), unit: 'events/s' },
  ];
  if (verify.length) rows.push({ group: 'ledger', name: `${subject.engine}: verify the chain`, detail: `${total} entries × ${RUNS}`, median: median(verify), unit: 'entries/s' });
  if (replay.length) rows.push({ group: 'ledger', name: `${subject.engine}: replay the read models`, detail: `${total} entries × ${RUNS}`, median: median(replay), unit: 'entries/s' });
  return rows;
}

export async function benchLedger(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const subjects: (() => Promise<Subject>)[] = [() => concordSubject(sqlite)];
  if (await postgresReachable()) subjects.push(() => concordSubject(postgres), () => emmettSubject());
  else process.stderr.write(`PostgreSQL is not reachable at ${POSTGRES_URL}: the PostgreSQL and Emmett rows are left out.\n`);
  for (const make of subjects) {
    const subject = await make();
    try {
      rows.push(...(await measure(subject)));
    } finally {
      await subject.close();
    }
  }
  return rows;
}
