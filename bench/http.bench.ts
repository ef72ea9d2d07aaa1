/**
 * The HTTP API under load, on a real server on 127.0.0.1: a mix of reads and position writes
 * from 100 connections (autocannon), then the delay from a write to its event on 1,000 open
 * live streams. On SQLite always; on PostgreSQL when CONCORD_BENCH_DATABASE_URL or DATABASE_URL
 * names a server, in a fresh schema dropped afterwards.
 *
 * The server runs in a child process (this file, run directly) so that it does not share an
 * event loop, or a core, with the load generator; each part of each run gets a fresh store and
 * a fresh server.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, get, type ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { circulateDecision, createAccount, draftDecision, issueToken, startConcord, type Concord } from '../src/app/index.js';
import { buildServer } from '../src/server/app.js';
import type { StoreConfig } from '../src/store/database.js';
import type { BenchRow } from './report.js';

const STATES = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'] as const;
const DECISIONS = 2000;
const CONNECTIONS = 100;
const SECONDS = 20;
/** The longest wait for every connection to be answered once before measuring. */
const RAMP_UP_LIMIT_SECONDS = 30;
const STREAMS = 1000;
const WRITES = 200;
const GAP_MS = 20;
const RUNS = 3;
/** Far above the load, so that the figures measure the work and not the refusals (see buildServer's defaults). */
const RATE_LIMITS = { perAccount: 1e9, perAddress: 1e9, signIn: 1e9 };
const SETUP = { actor: 'bench' };
const POSTGRES_URL = process.env.CONCORD_BENCH_DATABASE_URL ?? process.env.DATABASE_URL;

interface Seeded {
  readonly port: number;
  /** A delegate's bearer token per member state. */
  readonly delegates: Readonly<Record<string, string>>;
  /** An analyst's read-only token, the one account that follows the live streams. */
  readonly follower: string;
  readonly decisions: readonly string[];
}

// ── The server side ─────────────────────────────────────────────────────────────────────────

async function seed(c: Concord): Promise<Omit<Seeded, 'port'>> {
  const token = async (username: string, scopes: ('read' | 'write')[]): Promise<string> => {
    const issued = await issueToken(c, username, { name: 'bench', scopes, expiresInDays: 1 }, SETUP);
    if (!issued.ok) throw new Error(issued.refusal.message);
    return issued.value.secret;
  };
  const delegates: Record<string, string> = {};
  for (const state of STATES) {
    const username = `delegate-${state.toLowerCase()}`;
    const created = await createAccount(c, { username, role: 'delegate', state }, SETUP);
    if (!created.ok) throw new Error(created.refusal.message);
    delegates[state] = await token(username, ['read', 'write']);
  }
  const follower = await createAccount(c, { username: 'follower', role: 'analyst' }, SETUP);
  if (!follower.ok) throw new Error(follower.refusal.message);
  // A written procedure open for a week, so that no deadline closes a decision during the run.
  const deadline = new Date(c.clock.now().getTime() + 7 * 86_400_000).toISOString();
  const decisions: string[] = [];
  for (let i = 0; i < DECISIONS; i++) {
    const title = { en: `Procedural item ${i}`, ru: `Процедурный вопрос ${i}` };
    const text = { en: 'The Permanent Council takes note of the report.', ru: 'Постоянный совет принимает к сведению доклад.' };
    const drafted = await draftDecision(c, { id: `D-bench-${i}`, title, text, body: 'permanent-council', question: 'procedural', initiator: 'Secretariat' }, SETUP);
    if (!drafted.ok) throw new Error(drafted.refusal.message);
    const circulated = await circulateDecision(c, drafted.value.id, { procedure: 'written', deadline }, SETUP);
    if (!circulated.ok) throw new Error(circulated.refusal.message);
    decisions.push(drafted.value.id);
  }
  return { delegates, follower: await token('follower', ['read']), decisions };
}

async function serve(store: StoreConfig): Promise<void> {
  const concord = await startConcord({ store });
  const seeded = await seed(concord);
  const server = await buildServer(concord, { rateLimit: RATE_LIMITS, streamsPerAccount: STREAMS });
  await server.listen({ port: 0, host: '127.0.0.1' });
  process.send?.({ ...seeded, port: (server.server.address() as AddressInfo).port });
  process.once('disconnect', () => {
    void server
      .close()
      .then(() => concord.close())
      .finally(() => process.exit(0));
  });
}

// ── The load side ───────────────────────────────────────────────────────────────────────────

interface Target extends Seeded {
  /** The next (decision, state) pair no one has given a position on yet. */
  pair: number;
}

/** Consecutive writes go to different decisions, so that no two race for one decision's stream. */
function nextPosition(t: Target): { path: string; state: string; decision: string } {
  const i = t.pair++;
  const decision = t.decisions[i % t.decisions.length] ?? '';
  const state = STATES[Math.floor(i / t.decisions.length) % STATES.length] ?? 'ARM';
  if (i >= t.decisions.length * STATES.length) throw new Error(`more than ${i} writes: seed more decisions`);
  return { path: `/api/decisions/${decision}/positions`, state, decision };
}

type Kind = 'registry' | 'decision' | 'overview' | 'position';

/** Each connection cycles through its mix: four reads to one position write. */
const MIXES: Readonly<Record<string, readonly Kind[]>> = {
  'registry, decision, overview': ['registry', 'decision', 'position', 'overview', 'decision'],
  'registry, decision': ['registry', 'decision', 'position', 'registry', 'decision'],
};

interface Mixed {
  /** Until every connection had its first answer (or RAMP_UP_LIMIT_SECONDS); measuring starts then. */
  readonly rampUp: number;
  /** The connections answered by then. */
  readonly connected: number;
  readonly perSecond: number;
  readonly times: Readonly<Record<Kind, readonly number[]>>;
  /** Over the whole run, ramp-up included, by status. */
  readonly non2xx: Readonly<Record<number, number>>;
  /** Failed or timed out (autocannon gives up after 10 s), before and after measuring started. */
  readonly rampUpErrors: number;
  readonly errors: number;
}

/**
 * A closed loop of CONNECTIONS clients, measured for SECONDS once every connection has been
 * answered once (or after RAMP_UP_LIMIT_SECONDS): a saturated server accepts about one new
 * connection per turn of its event loop, so the clients join over seconds, and figures taken
 * from the start would mix the ramp-up with the steady state.
 */
async function mixedLoad(t: Target, mix: readonly Kind[]): Promise<Mixed> {
  const bearer = (state: string) => ({ authorization: `Bearer ${t.delegates[state] ?? ''}` });
  const anyState = () => STATES[Math.floor(Math.random() * STATES.length)] ?? 'ARM';
  const anyDecision = () => t.decisions[Math.floor(Math.random() * t.decisions.length)] ?? '';
  const paths: Record<Exclude<Kind, 'position'>, () => string> = { registry: () => '/api/registry', decision: () => `/api/decisions/${anyDecision()}`, overview: () => '/api/overview' };
  // onResponse runs just before autocannon's own response event, which carries the time.
  let last: Kind = 'registry';
  const request = (kind: Kind): autocannon.Request => ({
    method: kind === 'position' ? 'POST' : 'GET',
    setupRequest: (r) => {
      if (kind !== 'position') return { ...r, path: paths[kind](), headers: bearer(anyState()) };
      const p = nextPosition(t);
      return { ...r, path: p.path, headers: { ...bearer(p.state), 'content-type': 'application/json' }, body: JSON.stringify({ state: p.state, position: 'yes' }) };
    },
    onResponse: () => {
      last = kind;
    },
  });
  const times: Record<Kind, number[]> = { registry: [], decision: [], overview: [], position: [] };
  const answered = new Set<unknown>();
  const started = performance.now();
  let from = Infinity;
  let until = Infinity;
  let completed = 0;
  const failed = { rampUp: 0, measuring: 0 };
  const non2xx: Record<number, number> = {};
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon({ url: `http://127.0.0.1:${t.port}`, connections: CONNECTIONS, duration: RAMP_UP_LIMIT_SECONDS + SECONDS + 10, requests: mix.map(request) }, (error: unknown) => {
      if (error) reject(error instanceof Error ? error : new Error('autocannon failed'));
      else resolve();
    });
    const measure = () => {
      clearTimeout(limit);
      from = performance.now();
      setTimeout(() => {
        until = performance.now();
        instance.stop();
      }, SECONDS * 1000);
    };
    const limit = setTimeout(measure, RAMP_UP_LIMIT_SECONDS * 1000);
    instance.on('response', (client, status, _bytes, time) => {
      const now = performance.now();
      if (status < 200 || status >= 300) non2xx[status] = (non2xx[status] ?? 0) + 1;
      if (now < from) {
        answered.add(client);
        if (answered.size === CONNECTIONS) measure();
      } else if (now < until) {
        completed++;
        if (now - time >= from) times[last].push(time);
      }
    });
    instance.on('reqError', () => {
      if (performance.now() < from) failed.rampUp++;
      else if (performance.now() < until) failed.measuring++;
    });
  });
  return { rampUp: from - started, connected: answered.size, perSecond: (completed * 1000) / (until - from), times, non2xx, rampUpErrors: failed.rampUp, errors: failed.measuring };
}

interface FanOut {
  /** Per write and stream: from sending the write to that stream receiving its event. */
  readonly perStream: readonly number[];
  /** Per write: until the last of the streams received it. */
  readonly slowest: readonly number[];
  /** Per write: until the first of the streams received it. */
  readonly first: readonly number[];
  /** Per write: until its own response. */
  readonly response: readonly number[];
  readonly missed: number;
}

interface Pending {
  readonly marker: string;
  readonly sent: number;
  readonly delays: number[];
  readonly got: Set<number>;
  done(): void;
}

async function openStreams(t: Target, onText: (stream: number, text: string) => void): Promise<ClientRequest[]> {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const open: ClientRequest[] = [];
  // In batches, so that the server's accept queue (511 by default) never overflows.
  for (let batch = 0; batch < STREAMS; batch += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, STREAMS - batch) }, (_, k) =>
        new Promise<void>((resolve, reject) => {
          const stream = batch + k;
          const request = get({ host: '127.0.0.1', port: t.port, path: '/api/events', agent, headers: { authorization: `Bearer ${t.follower}`, accept: 'text/event-stream' } }, (response) => {
            if (response.statusCode !== 200) {
              reject(new Error(`stream ${stream}: status ${response.statusCode ?? '?'}`));
              return;
            }
            response.setEncoding('utf8');
            response.once('data', () => {
              resolve();
            });
            response.on('data', (text: string) => {
              onText(stream, text);
            });
          });
          request.on('error', reject);
          open.push(request);
        }),
      ),
    );
  }
  return open;
}

/** Each end of each stream holds a descriptor: say so before the run rather than fail halfway. */
function checkOpenFiles(): void {
  const limits = '/proc/self/limits';
  const soft = existsSync(limits) ? Number(/Max open files\s+(\d+)/.exec(readFileSync(limits, 'utf8'))?.[1] ?? Infinity) : Infinity;
  if (soft < STREAMS + 256) throw new Error(`${STREAMS} live streams need more than ${soft} open files: raise the limit (ulimit -n 4096) and run again`);
}

async function fanOut(t: Target): Promise<FanOut> {
  let pending: Pending | undefined;
  const tails = new Map<number, string>();
  const streams = await openStreams(t, (stream, chunk) => {
    const text = (tails.get(stream) ?? '') + chunk;
    const p = pending;
    if (p && !p.got.has(stream) && text.includes(p.marker)) {
      p.delays.push(performance.now() - p.sent);
      p.got.add(stream);
      if (p.got.size === STREAMS) p.done();
    }
    // The marker may arrive split across two chunks: keep enough of the last one to find it whole.
    tails.set(stream, text.slice(-64));
  });
  const perStream: number[] = [];
  const slowest: number[] = [];
  const first: number[] = [];
  const response: number[] = [];
  let missed = 0;
  try {
    for (let w = 0; w < WRITES; w++) {
      const p = nextPosition(t);
      let done = (): void => undefined;
      const all = new Promise<void>((resolve) => {
        done = resolve;
      });
      const current: Pending = { marker: `"streamId":"decision-${p.decision}"`, sent: performance.now(), delays: [], got: new Set(), done };
      pending = current;
      const answer = await fetch(`http://127.0.0.1:${t.port}${p.path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.delegates[p.state] ?? ''}`, 'content-type': 'application/json' },
        body: JSON.stringify({ state: p.state, position: 'yes' }),
      });
      response.push(performance.now() - current.sent);
      if (answer.status !== 200) throw new Error(`position ${p.state} on ${p.decision}: status ${answer.status}: ${await answer.text()}`);
      await Promise.race([all, sleep(10_000)]);
      missed += STREAMS - current.got.size;
      perStream.push(...current.delays);
      if (current.delays.length > 0) {
        slowest.push(Math.max(...current.delays));
        first.push(Math.min(...current.delays));
      }
      await sleep(GAP_MS);
    }
  } finally {
    pending = undefined;
    for (const s of streams) s.destroy();
  }
  return { perStream, slowest, first, response, missed };
}

// ── Runs ────────────────────────────────────────────────────────────────────────────────────

type Engine = 'SQLite' | 'PostgreSQL';

async function freshStore(engine: Engine): Promise<{ config: StoreConfig; cleanup: () => Promise<void> }> {
  if (engine === 'SQLite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'concord-bench-'));
    const cleanup = () => {
      rmSync(dataDir, { recursive: true, force: true });
      return Promise.resolve();
    };
    return { config: { dataDir }, cleanup };
  }
  const url = POSTGRES_URL ?? '';
  const schema = `concord_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `create schema ${schema}`);
  return { config: { url, schema }, cleanup: () => adminQuery(url, `drop schema ${schema} cascade`) };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function startServer(config: StoreConfig): Promise<{ child: ChildProcess; seeded: Seeded }> {
  const child = fork(fileURLToPath(import.meta.url), ['serve', JSON.stringify(config)], { execArgv: ['--import', 'tsx'] });
  const seeded = await new Promise<Seeded>((resolve, reject) => {
    child.once('message', (m) => {
      resolve(m as Seeded);
    });
    child.once('exit', (code) => {
      reject(new Error(`the bench server stopped (exit ${code ?? '?'}) before listening`));
    });
  });
  return { child, seeded };
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.disconnect();
  if ((await Promise.race([exited, sleep(10_000).then(() => 'late')])) === 'late') {
    child.kill();
    await exited;
  }
}

/** A fresh store, seeded, behind a fresh server, for one part of one run. */
async function withServer<T>(engine: Engine, work: (t: Target) => Promise<T>): Promise<T> {
  const place = await freshStore(engine);
  try {
    const { child, seeded } = await startServer(place.config);
    try {
      return await work({ ...seeded, pair: 0 });
    } finally {
      await stopServer(child);
    }
  } finally {
    await place.cleanup();
  }
}

async function measureEngine(engine: Engine): Promise<BenchRow[]> {
  const mixed = new Map<string, Mixed[]>();
  const fan: FanOut[] = [];
  const ms = (values: readonly number[], p: number) => `${percentile(values, p).toFixed(1)} ms`;
  for (let run = 1; run <= RUNS; run++) {
    for (const [name, mix] of Object.entries(MIXES)) {
      const m = await withServer(engine, (t) => mixedLoad(t, mix));
      mixed.set(name, [...(mixed.get(name) ?? []), m]);
      const all = Object.values(m.times).flat();
      const kinds = Object.entries(m.times).filter(([, t]) => t.length > 0).map(([kind, t]) => `${kind} ${t.length} × p50 ${ms(t, 50)} p99 ${ms(t, 99)}`);
      process.stderr.write(
        `http ${engine} run ${run}, ${name}: ${m.connected} connections answered after ${(m.rampUp / 1000).toFixed(1)} s (${m.rampUpErrors} requests timed out meanwhile); ` +
          `${Math.round(m.perSecond)} requests/s, p50 ${ms(all, 50)}, p99 ${ms(all, 99)}, non-2xx ${JSON.stringify(m.non2xx)}, errors ${m.errors}; ${kinds.join('; ')}\n`,
      );
    }
    const f = await withServer(engine, fanOut);
    fan.push(f);
    process.stderr.write(
      `http ${engine} run ${run}, live: write answered p50 ${ms(f.response, 50)}; first stream p50 ${ms(f.first, 50)}; every stream p50 ${ms(f.perStream, 50)} p99 ${ms(f.perStream, 99)}; ` +
        `slowest stream p50 ${ms(f.slowest, 50)} p99 ${ms(f.slowest, 99)}; missed ${f.missed}\n`,
    );
  }
  const rows: BenchRow[] = [];
  const row = (name: string, detail: string, median: number, unit: string) => rows.push({ group: 'http', name: `HTTP on ${engine}: ${name}`, detail, median, unit });
  const load = `${CONNECTIONS} connections, ${SECONDS} s × ${RUNS}`;
  for (const [name, runs] of mixed) {
    const mix = `4 reads (${name}) : 1 position`;
    row(mix, load, median(runs.map((m) => m.perSecond)), 'requests/s');
    for (const p of [50, 99]) row(`${mix}, p${p}`, load, median(runs.map((m) => percentile(Object.values(m.times).flat(), p))), 'ms');
    for (const [kind, times] of Object.entries(runs[0]?.times ?? {})) if (times.length > 0) row(`${mix}, ${kind} p50`, load, median(runs.map((m) => percentile(m.times[kind as Kind], 50))), 'ms');
    row(`${mix}, until every connection was answered (or ${RAMP_UP_LIMIT_SECONDS} s)`, load, median(runs.map((m) => m.rampUp)), 'ms');
    row(`${mix}, connections answered when measuring started`, load, median(runs.map((m) => m.connected)), 'connections');
  }
  const runs = [...mixed.values()].flat();
  row('non-2xx responses, all runs', load, runs.reduce((n, m) => n + Object.values(m.non2xx).reduce((a, b) => a + b, 0), 0), 'responses');
  row('timeouts and errors while measuring, all runs', load, runs.reduce((n, m) => n + m.errors, 0), 'requests');
  row('timeouts and errors before every connection was answered, all runs', load, runs.reduce((n, m) => n + m.rampUpErrors, 0), 'requests');
  const live = `${STREAMS} streams, ${WRITES} writes × ${RUNS}`;
  row('write answered, p50', live, median(fan.map((f) => percentile(f.response, 50))), 'ms');
  row('write to event, first stream, p50', live, median(fan.map((f) => percentile(f.first, 50))), 'ms');
  for (const p of [50, 99]) row(`write to event, every stream, p${p}`, live, median(fan.map((f) => percentile(f.perStream, p))), 'ms');
  for (const p of [50, 99]) row(`write to event, slowest stream, p${p}`, live, median(fan.map((f) => percentile(f.slowest, p))), 'ms');
  row('events not received within 10 s, all runs', live, fan.reduce((n, f) => n + f.missed, 0), 'events');
  return rows;
}

export async function benchHttp(): Promise<BenchRow[]> {
  checkOpenFiles();
  const engines: Engine[] = ['SQLite'];
  if (POSTGRES_URL) engines.push('PostgreSQL');
  else process.stderr.write('Neither CONCORD_BENCH_DATABASE_URL nor DATABASE_URL is set: the HTTP rows on PostgreSQL are left out.\n');
  const rows: BenchRow[] = [];
  for (const engine of engines) rows.push(...(await measureEngine(engine)));
  return rows;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Run directly (by startServer, in a child process), this file is the server under load.
if (process.argv[2] === 'serve' && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await serve(JSON.parse(process.argv[3] ?? '{}') as StoreConfig);
}
