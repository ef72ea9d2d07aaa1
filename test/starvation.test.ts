/**
 * No request may starve the others. On SQLite every query holds the one thread, so a long read
 * that never gives way stops the server. Here a delegate floods catch-up streams and
 * verifications over a ledger of thousands of entries while the health check is asked again and
 * again, one probe after another. Whether the server answered in between is read from the order
 * things finished, never from how long they took: a server that runs a long request in one go
 * answers at most one probe before it finishes (the one already sent); two probes answered before
 * it finishes mean the server turned to them while it ran.
 */
import { get, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Concord } from '../src/app/index.js';
import { readHead } from '../src/ledger/index.js';
import { VERIFICATIONS_PER_MINUTE } from '../src/modules/ledger/routes.js';
import { MAX_UNREAD_BYTES } from '../src/server/events.js';
import { call, startApi, type Api } from './support/api.js';
import { openStream } from './support/sse.js';
import { sqlite } from './support/stores.js';

/** As many entries as the ledger that froze the server had. */
const ENTRIES = 30_000;
/** As many streams as one account may hold open. */
const STREAMS = 10;
const MARKER = 'CatchUpMarker';
/** Long enough for a loaded machine: the assertions are on order, not on time. */
const PATIENCE_MS = 120_000;

/** Entries on a stream only the secretariat reads: a delegate's catch-up reads them all and is sent none. */
async function appendFiller(c: Concord, count: number, text = ''): Promise<void> {
  const events = Array.from({ length: count }, (_, n) => ({ type: 'Filler', validAt: '2026-01-01T00:00:00Z', data: { n, text } }));
  const appended = await c.append([{ streamId: 'filler', expectedVersion: 'any', events }], { actor: 'test' });
  if (!appended.ok) throw new Error(`filler: ${appended.code}`);
}

/** An entry every reader may see: a reader that has it has caught up to it. */
async function appendMarker(c: Concord): Promise<number> {
  const appended = await c.append([{ streamId: 'statement-marker', expectedVersion: 'any', events: [{ type: MARKER, validAt: '2026-01-02T00:00:00Z', data: {} }] }], { actor: 'test' });
  if (!appended.ok) throw new Error(`marker: ${appended.code}`);
  return appended.entries.at(-1)?.seq ?? 0;
}

const bearer = (api: Api, username: string) => ({ authorization: `Bearer ${api.tokens[username] ?? ''}` });

/**
 * Asks the health check, each probe sent once the one before was answered, noting each answer in
 * `order`; resolves once the first came back, so that its connection is open before the flood.
 */
async function probeHealth(api: Api, order: string[]): Promise<{ stop: () => Promise<void> }> {
  const asking = { going: true };
  let firstAnswer: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (firstAnswer = resolve));
  const probing = (async () => {
    while (asking.going) {
      const answer = await fetch(`${api.base}/api/health`);
      await answer.text();
      order.push(answer.status === 200 ? 'health' : `health ${answer.status}`);
      firstAnswer();
    }
  })();
  await answered;
  return {
    stop: async () => {
      asking.going = false;
      await probing;
      expect(order.filter((mark) => mark.startsWith('health ')), 'every probe is answered 200').toEqual([]);
    },
  };
}

/**
 * Notes in `order` when the server takes up each request named by its User-Agent: from then on,
 * a server that does not give way answers nothing else until that request is done.
 */
function noteArrivals(api: Api, order: string[]): () => void {
  const arrived = (request: IncomingMessage): void => {
    const name = request.headers['user-agent'] ?? '';
    if (/^(catch-up|verification) /.test(name)) order.push(`${name} received`);
  };
  api.server.server.on('request', arrived);
  return () => api.server.server.off('request', arrived);
}

/** The health answers noted between the server taking up a request and its reader having its answer. */
function healthWhileRunning(order: readonly string[], name: string): number {
  const start = order.indexOf(`${name} received`);
  const end = order.indexOf(`${name} done`);
  expect(start, `the server took up ${name}`).toBeGreaterThanOrEqual(0);
  expect(end, `${name} is done after the server took it up`).toBeGreaterThan(start);
  return order.slice(start, end).filter((mark) => mark === 'health').length;
}

/** A delegate's stream from the start of the ledger, noted in `order` once caught up. */
async function catchUp(api: Api, order: string[], n: number): Promise<void> {
  const stream = await openStream(`${api.base}/api/events?after=0`, { ...bearer(api, 'delegate-arm'), 'user-agent': `catch-up ${n}` });
  try {
    expect(stream.status).toBe(200);
    await stream.waitFor((e) => e.data.type === MARKER, PATIENCE_MS);
    order.push(`catch-up ${n} done`);
  } finally {
    stream.close();
  }
}

async function verification(api: Api, order: string[], username: string, n = 0): Promise<Awaited<ReturnType<typeof call>>> {
  const answer = await call(api, username, 'POST', '/api/ledger/verification', undefined, { 'user-agent': `verification ${username} ${n}` });
  order.push(`verification ${username} ${n} done`);
  return answer;
}

describe('a SQLite server with a ledger of thousands of entries', () => {
  let api: Api;
  let head = 0;
  beforeAll(async () => {
    api = await startApi(sqlite);
    await appendFiller(api.concord, ENTRIES);
    head = await appendMarker(api.concord);
  }, PATIENCE_MS);
  afterAll(() => api.close());

  it('answers the health check while its delegate floods catch-up streams and verifications and an officer verifies', async () => {
    const order: string[] = [];
    const probes = await probeHealth(api, order);
    const stopNoting = noteArrivals(api, order);
    const [refused, verified] = await Promise.all([
      Promise.all(Array.from({ length: 2 * VERIFICATIONS_PER_MINUTE }, (_, n) => verification(api, order, 'delegate-arm', n))),
      verification(api, order, 'officer'),
      ...Array.from({ length: STREAMS }, (_, n) => catchUp(api, order, n)),
    ]);
    stopNoting();
    await probes.stop();
    // The delegate's verifications are refused, then limited: they read nothing.
    expect(refused.map((r) => r.status).sort()).toEqual([...Array<number>(VERIFICATIONS_PER_MINUTE).fill(403), ...Array<number>(VERIFICATIONS_PER_MINUTE).fill(429)]);
    expect(verified).toMatchObject({ status: 200, body: { ok: true, count: head } });
    for (let n = 0; n < STREAMS; n++) expect(healthWhileRunning(order, `catch-up ${n}`), `catch-up ${n}`).toBeGreaterThanOrEqual(2);
  }, PATIENCE_MS);

  it('answers the health check between the pages of a verification', async () => {
    const order: string[] = [];
    const probes = await probeHealth(api, order);
    const stopNoting = noteArrivals(api, order);
    const verified = await verification(api, order, 'admin');
    stopNoting();
    await probes.stop();
    expect(verified.body).toMatchObject({ ok: true, count: head });
    expect(healthWhileRunning(order, 'verification admin 0')).toBeGreaterThanOrEqual(2);
  }, PATIENCE_MS);

  it('catches a reader up in order, with the entries appended while it caught up, each once', async () => {
    const stream = await openStream(`${api.base}/api/events?after=0`, bearer(api, 'admin'));
    try {
      await stream.waitFor(() => true, PATIENCE_MS);
      for (let n = 0; n < 5; n++) await appendFiller(api.concord, 10);
      const receivedWhileAppending = stream.events.length;
      const last = await appendMarker(api.concord);
      await stream.waitFor((e) => e.id === last, PATIENCE_MS);
      expect(receivedWhileAppending, 'the appends came during the catch-up').toBeLessThan(head);
      expect(stream.events.map((e) => e.id)).toEqual(Array.from({ length: last }, (_, n) => n + 1));
    } finally {
      stream.close();
    }
  }, PATIENCE_MS);
});

describe('verification over HTTP', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi(sqlite);
  });
  afterAll(() => api.close());

  it('is refused to a delegate, and limited per account for an officer', async () => {
    expect(await call(api, 'delegate-arm', 'POST', '/api/ledger/verification')).toMatchObject({ status: 403, body: { field: 'role' } });
    const officer = [];
    for (let n = 0; n <= VERIFICATIONS_PER_MINUTE; n++) officer.push((await call(api, 'officer', 'POST', '/api/ledger/verification')).status);
    expect(officer).toEqual([...Array<number>(VERIFICATIONS_PER_MINUTE).fill(200), 429]);
    // The limit is the officer's own: the administrator still verifies.
    expect((await call(api, 'admin', 'POST', '/api/ledger/verification')).status).toBe(200);
  });
});

/** A reader that sends its request and then reads nothing, with the server's side of its stream. */
async function stalledReader(api: Api, path: string): Promise<{ server: ServerResponse; client: IncomingMessage }> {
  const server = new Promise<ServerResponse>((resolve) => {
    const seen = (request: IncomingMessage, response: ServerResponse): void => {
      if (request.headers['user-agent'] !== 'stalled-reader') return;
      api.server.server.off('request', seen);
      resolve(response);
    };
    api.server.server.on('request', seen);
  });
  const client = await new Promise<IncomingMessage>((resolve, reject) => {
    get(`${api.base}${path}`, { headers: { ...bearer(api, 'admin'), 'user-agent': 'stalled-reader' } }, resolve).on('error', reject);
  });
  client.pause();
  return { server: await server, client };
}

/** The ids of the entries in what an SSE client read, until the one with `last`. */
function readIds(client: IncomingMessage, last: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const ids: number[] = [];
    let buffer = '';
    client.setEncoding('utf8');
    client.on('data', (chunk: string) => {
      buffer += chunk;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const id = /^id: (\d+)$/m.exec(block)?.[1];
        if (id !== undefined) ids.push(Number(id));
      }
      if (ids.at(-1) === last) {
        client.destroy();
        resolve(ids);
      }
    });
    client.on('error', reject);
    client.resume();
  });
}

describe('a reader that stops reading', () => {
  let api: Api;
  let head = 0;
  // More than the sockets between server and reader hold, so that a reader that reads nothing stalls.
  const text = 'x'.repeat(10_000);
  beforeAll(async () => {
    api = await startApi(sqlite);
    await appendFiller(api.concord, 2_000, text);
    head = (await readHead(api.concord.database))?.seq ?? 0;
  }, PATIENCE_MS);
  afterAll(() => api.close());

  it('during its catch-up is held to what its socket takes, while the ledger grows, and later misses nothing', async () => {
    const { server, client } = await stalledReader(api, '/api/events?after=0');
    await expect.poll(() => server.writableNeedDrain, { timeout: PATIENCE_MS }).toBe(true);
    for (let n = 0; n < 10; n++) await appendFiller(api.concord, 100, text);
    const last = await appendMarker(api.concord);
    expect(server.writableLength, 'what the server holds for it').toBeLessThanOrEqual(MAX_UNREAD_BYTES);
    const order: string[] = [];
    const probes = await probeHealth(api, order);
    await probes.stop();
    expect(order, 'others are answered meanwhile').toContain('health');
    expect(await readIds(client, last)).toEqual(Array.from({ length: last }, (_, n) => n + 1));
  }, PATIENCE_MS);

  it('once live is dropped when it holds more than the bound unread, and its stream is closed', async () => {
    const { server } = await stalledReader(api, '/api/events');
    const closed = new Promise<void>((resolve) => server.once('close', resolve));
    let appended = 0;
    // Appends until the server lets the reader go: at most far more than any socket holds.
    while (!server.destroyed && appended < 40 * MAX_UNREAD_BYTES) {
      await appendFiller(api.concord, 100, text);
      appended += 100 * text.length;
      expect((await fetch(`${api.base}/api/health`)).status).toBe(200);
    }
    expect(server.destroyed, `dropped after ${appended} bytes were appended beyond entry ${head}`).toBe(true);
    await closed;
  }, PATIENCE_MS);
});
