/**
 * The delay from a write to its event on many open live streams: each write is awaited on every
 * stream before the next is sent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Agent, get, type ClientRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { nextPosition, STREAMS, type Target } from './server.js';

export const WRITES = 200;
const GAP_MS = 20;

export interface FanOut {
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
export function checkOpenFiles(): void {
  const limits = '/proc/self/limits';
  const soft = existsSync(limits) ? Number(/Max open files\s+(\d+)/.exec(readFileSync(limits, 'utf8'))?.[1] ?? Infinity) : Infinity;
  if (soft < STREAMS + 256) throw new Error(`${STREAMS} live streams need more than ${soft} open files: raise the limit (ulimit -n 4096) and run again`);
}

export async function fanOut(t: Target): Promise<FanOut> {
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

