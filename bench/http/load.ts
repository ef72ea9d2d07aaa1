/**
 * A closed loop of clients (autocannon) cycling through a mix of reads and position writes.
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { nextPosition, STATES, type Target } from './server.js';

export const CONNECTIONS = 100;
export const SECONDS = 20;
/** The longest wait for every connection to be answered once before measuring. */
export const RAMP_UP_LIMIT_SECONDS = 30;

export type Kind = 'registry' | 'decision' | 'overview' | 'position';

/** Each connection cycles through its mix: four reads to one position write. */
export const MIXES: Readonly<Record<string, readonly Kind[]>> = {
  'registry, decision, overview': ['registry', 'decision', 'position', 'overview', 'decision'],
  'registry, decision': ['registry', 'decision', 'position', 'registry', 'decision'],
};

export interface Mixed {
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
export async function mixedLoad(t: Target, mix: readonly Kind[]): Promise<Mixed> {
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

