/**
 * The HTTP API under load, on a real server on 127.0.0.1: a mix of reads and position writes
 * from 100 connections (autocannon), then the delay from a write to its event on 1,000 open
 * live streams. On SQLite always; on PostgreSQL when the test server answers
 * (CONCORD_TEST_DATABASE_URL), in a fresh schema dropped afterwards. Each part of each run gets
 * a fresh store and a fresh server, in a child process (bench/http/server.ts).
 */
import { postgres, postgresReachable, POSTGRES_URL, sqlite, type Engine } from '../test/support/stores.js';
import { checkOpenFiles, fanOut, WRITES, type FanOut } from './http/live.js';
import { CONNECTIONS, MIXES, mixedLoad, RAMP_UP_LIMIT_SECONDS, SECONDS, type Kind, type Mixed } from './http/load.js';
import { STREAMS, withServer } from './http/server.js';
import { median, percentile, type BenchRow } from './report.js';

const RUNS = 3;

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
        `http ${engine.label} run ${run}, ${name}: ${m.connected} connections answered after ${(m.rampUp / 1000).toFixed(1)} s (${m.rampUpErrors} requests timed out meanwhile); ` +
          `${Math.round(m.perSecond)} requests/s, p50 ${ms(all, 50)}, p99 ${ms(all, 99)}, non-2xx ${JSON.stringify(m.non2xx)}, errors ${m.errors}; ${kinds.join('; ')}\n`,
      );
    }
    const f = await withServer(engine, fanOut);
    fan.push(f);
    process.stderr.write(
      `http ${engine.label} run ${run}, live: write answered p50 ${ms(f.response, 50)}; first stream p50 ${ms(f.first, 50)}; every stream p50 ${ms(f.perStream, 50)} p99 ${ms(f.perStream, 99)}; ` +
        `slowest stream p50 ${ms(f.slowest, 50)} p99 ${ms(f.slowest, 99)}; missed ${f.missed}\n`,
    );
  }
  const rows: BenchRow[] = [];
  const row = (name: string, detail: string, median: number, unit: string) => rows.push({ group: 'http', name: `HTTP on ${engine.label}: ${name}`, detail, median, unit });
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
  const engines: Engine[] = [sqlite];
  if (await postgresReachable()) engines.push(postgres);
  else process.stderr.write(`PostgreSQL does not answer at ${POSTGRES_URL}: the HTTP rows on PostgreSQL are left out.\n`);
  const rows: BenchRow[] = [];
  for (const engine of engines) rows.push(...(await measureEngine(engine)));
  return rows;
}
