/**
 * The live stream: ledger entries as server-sent events, each reader seeing only what they may
 * read. One feed per server reads each new entry once and hands it to every open stream; it wakes
 * on this process's appends and on the database's word that the head moved (another server's).
 * A reader that reconnects with Last-Event-ID gets what it missed, a page at a time and as fast
 * as it reads, then the live entries; no reader, however far behind or slow, holds the server.
 */
import { setImmediate } from 'node:timers/promises';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { accountStream, desk, type Concord } from '../app/index.js';
import type { Principal } from '../core/access/index.js';
import { visibility } from '../modules/composition.js';
import { readAfter, readHead, type LedgerEntry } from '../ledger/index.js';
import { SIGNED_IN, signedIn } from './plumbing.js';
import { problem } from './problems.js';

type Listener = (entries: readonly LedgerEntry[]) => void;

const PAGE = 500;
const HEARTBEAT_MS = 15_000;

export class LedgerFeed {
  readonly #listeners = new Set<Listener>();
  #last = 0;
  #reading: Promise<void> | undefined;
  #again = false;
  #stops: (() => unknown)[] = [];

  constructor(private readonly c: Concord) {}

  async start(): Promise<void> {
    this.#last = (await this.#headNow()) ?? 0;
    const wake = (): void => { this.wake(); };
    this.#stops.push(this.c.onAppended(wake), await this.c.database.watchHead(wake));
  }

  #idle(): boolean {
    return this.#listeners.size === 0;
  }

  async #headNow(): Promise<number | undefined> {
    return (await readHead(this.c.database))?.seq;
  }

  get head(): number {
    return this.#last;
  }

  get size(): number {
    return this.#listeners.size;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Reads what is new; a wake during a read reads again after it, so nothing is missed. */
  wake(): void {
    if (this.#reading) {
      this.#again = true;
      return;
    }
    this.#reading = this.#drain().finally(() => {
      this.#reading = undefined;
      if (this.#again) {
        this.#again = false;
        this.wake();
      }
    });
  }

  async #drain(): Promise<void> {
    // With no one listening, only where the ledger stands matters: one row, not the new entries.
    // Asked after the read, so that a reader who came meanwhile is sent what the read passed over.
    if (this.#idle()) {
      const head = await this.#headNow().catch(() => undefined);
      if (this.#idle()) {
        this.#last = head ?? this.#last;
        return;
      }
    }
    for (;;) {
      const entries = await readAfter(this.c.database, this.#last, PAGE).catch(() => []);
      if (entries.length === 0) return;
      this.#last = entries.at(-1)?.seq ?? this.#last;
      for (const listener of this.#listeners) listener(entries);
      // A large append is handed on a page at a time, with other requests answered in between.
      await setImmediate();
    }
  }

  async stop(): Promise<void> {
    for (const stop of this.#stops) await stop();
    await this.#reading;
  }
}

/** What a reader is sent of an entry: the act, not the chain's internals. */
function eventOf(entry: LedgerEntry): string {
  const { seq, streamId, type, data, validAt, recordedAt, actor } = entry;
  return `id: ${seq}\nevent: entry\ndata: ${JSON.stringify({ seq, streamId, type, data, validAt, recordedAt, actor })}\n\n`;
}

/** What a reader may leave unread before it is dropped: the most one stream holds in memory. */
export const MAX_UNREAD_BYTES = 1024 * 1024;

/** The streams open on this server, counted per account, and ended together when it stops. */
export class OpenStreams {
  readonly #open = new Map<string, Set<() => void>>();

  constructor(readonly perAccount: number) {}

  /** Registers a stream; undefined when the account has as many open as it may. */
  add(username: string, end: () => void): (() => void) | undefined {
    const mine = this.#open.get(username) ?? new Set();
    if (mine.size >= this.perAccount) return undefined;
    mine.add(end);
    this.#open.set(username, mine);
    return () => {
      mine.delete(end);
      if (mine.size === 0) this.#open.delete(username);
    };
  }

  endAll(): void {
    for (const ends of this.#open.values()) for (const end of [...ends]) end();
  }
}

export function eventRoutes(app: FastifyInstance, c: Concord, feed: LedgerFeed, streams: OpenStreams): void {
  app.addHook('preClose', (done) => {
    streams.endAll();
    done();
  });
  app.get(
    '/api/events',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['Live'],
        summary: 'Server-sent events: each ledger entry the reader may see, as `event: entry` with `id: <seq>`; resume with Last-Event-ID (or ?after=)',
        querystring: Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const who = signedIn(request, reply);
      if (!who) return reply;
      const denied = await desk.authorize(c, who, 'events:read');
      if (denied) return problem(reply, 403, denied.message, denied.field);
      const lastId = request.headers['last-event-id'];
      if (lastId !== undefined && (typeof lastId !== 'string' || !/^\d{1,15}$/.test(lastId))) return problem(reply, 400, 'expected Last-Event-ID to be a ledger sequence number', 'Last-Event-ID');
      const resumeFrom = lastId !== undefined ? Number(lastId) : ((request.query as { after?: number }).after ?? feed.head);
      const raw = reply.raw;
      const unregister = streams.add(who.principal.username, () => raw.end());
      if (!unregister) return problem(reply.header('retry-after', '30'), 429, `at most ${streams.perAccount} live streams are open per account; close one first`, 'events');
      reply.hijack();
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      raw.write('retry: 2000\n\n');
      raw.once('close', unregister);
      await stream(c, feed, who.principal, resumeFrom, raw, request.stillValid);
    },
  );
}

/**
 * Sends what was missed, then what comes. The reader's credentials are asked again at each
 * heartbeat and as soon as an act on its account passes (disabled, token revoked, password
 * changed): a revoked reader's stream ends.
 */
async function stream(c: Concord, feed: LedgerFeed, principal: Principal, resumeFrom: number, raw: ServerResponse, stillValid: () => Promise<boolean>): Promise<void> {
  let sent = resumeFrom;
  const ownAccount = accountStream(principal.username);
  const recheck = (): void => {
    stillValid().then((valid) => { if (!valid) raw.end(); }, () => raw.end());
  };
  /** What of these entries the reader may see and has not been sent, as events; they count as sent. */
  const eventsOf = (entries: readonly LedgerEntry[]): string[] => {
    const visible = entries.filter((e) => e.seq > sent && visibility().mayReadEntry(principal, e)).map((e) => eventOf(visibility().redactFor(principal, e)));
    sent = Math.max(sent, entries.at(-1)?.seq ?? sent);
    if (entries.some((e) => e.streamId === ownAccount)) recheck();
    return visible;
  };
  // While the missed entries are read, live ones are only noted, and read from the ledger after
  // them: a reader far behind holds nothing that grows while the ledger does.
  let caughtUp = false;
  let passedBy = 0;
  const unsubscribe = feed.subscribe((entries) => {
    if (caughtUp) sendLive(raw, eventsOf(entries));
    else passedBy = Math.max(passedBy, entries.at(-1)?.seq ?? 0);
  });
  const heartbeat = setInterval(() => {
    raw.write(': still here\n\n');
    recheck();
  }, HEARTBEAT_MS);
  raw.once('close', () => {
    unsubscribe();
    clearInterval(heartbeat);
  });
  try {
    for (;;) {
      const missed = await readAfter(c.database, sent, PAGE);
      if (ended(raw)) return;
      // Caught up once a read finds nothing new, nor has the feed passed anything by since.
      if (missed.length === 0 && sent >= passedBy) break;
      if (!(await deliver(raw, eventsOf(missed)))) return;
      // A long catch-up gives way to every other request between its pages.
      await setImmediate();
    }
    caughtUp = true;
  } catch {
    raw.end();
  }
}

function ended(raw: ServerResponse): boolean {
  return raw.destroyed || raw.writableEnded;
}

/**
 * Drops a reader past the bound, destroyed rather than ended: an end would wait for it to read
 * what it left, holding that memory. It reconnects and resumes from the last id it read.
 */
function tooFarBehind(raw: ServerResponse): boolean {
  if (raw.writableLength <= MAX_UNREAD_BYTES) return false;
  raw.destroy();
  return true;
}

/** Live entries cannot wait for a slow reader: they are written at once, up to the bound. */
function sendLive(raw: ServerResponse, events: readonly string[]): void {
  if (events.length > 0 && !raw.write(events.join(''))) tooFarBehind(raw);
}

/**
 * Missed entries are written as fast as the reader takes them, waiting while its socket is full;
 * false once the stream has ended.
 */
async function deliver(raw: ServerResponse, events: readonly string[]): Promise<boolean> {
  for (const event of events) {
    if (ended(raw)) return false;
    if (raw.write(event)) continue;
    if (tooFarBehind(raw)) return false;
    await drainedOrClosed(raw);
  }
  return !ended(raw);
}

function drainedOrClosed(raw: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      raw.off('drain', done);
      raw.off('close', done);
      resolve();
    };
    raw.on('drain', done);
    raw.on('close', done);
  });
}
