/**
 * The live stream: ledger entries as server-sent events, each reader seeing only what they may
 * read. One feed per server reads each new entry once and hands it to every open stream; it wakes
 * on this process's appends and on the database's word that the head moved (another server's).
 * A reader that reconnects with Last-Event-ID gets what it missed, then the live entries.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { desk, type Concord } from '../app/index.js';
import { mayReadEntry, type Principal } from '../core/access/index.js';
import { readAfter, type LedgerEntry } from '../ledger/index.js';
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
    this.#last = (await this.c.database.db.selectFrom('ledger_head').select('seq').where('id', '=', 1).executeTakeFirst())?.seq ?? 0;
    const wake = (): void => { this.wake(); };
    this.#stops.push(this.c.onAppended(wake), await this.c.database.watchHead(wake));
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
    for (;;) {
      const entries = await readAfter(this.c.database, this.#last, PAGE).catch(() => []);
      if (entries.length === 0) return;
      this.#last = entries.at(-1)?.seq ?? this.#last;
      for (const listener of this.#listeners) listener(entries);
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

export function eventRoutes(app: FastifyInstance, c: Concord, feed: LedgerFeed): void {
  app.get(
    '/api/events',
    {
      schema: {
        tags: ['Live'],
        summary: 'Server-sent events: each ledger entry the reader may see, as `event: entry` with `id: <seq>`; resume with Last-Event-ID (or ?after=)',
        querystring: Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const who = request.who;
      if (!who) return problem(reply, 401, request.credentialProblem ?? 'sign in or send a bearer token to follow the live stream', 'Authorization');
      const denied = await desk.authorize(c, who, 'events:read');
      if (denied) return problem(reply, 403, denied.message, denied.field);
      const principal = who.principal;
      const resumeFrom = Number(request.headers['last-event-id'] ?? (request.query as { after?: number }).after ?? feed.head);
      if (!Number.isSafeInteger(resumeFrom) || resumeFrom < 0) return problem(reply, 400, 'expected Last-Event-ID to be a ledger sequence number', 'Last-Event-ID');
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      raw.write('retry: 2000\n\n');
      await stream(c, feed, principal, resumeFrom, raw, request.raw);
    },
  );
}

async function stream(c: Concord, feed: LedgerFeed, principal: Principal, resumeFrom: number, raw: NodeJS.WritableStream, incoming: NodeJS.EventEmitter): Promise<void> {
  let sent = resumeFrom;
  const send = (entries: readonly LedgerEntry[]): void => {
    const visible = entries.filter((e) => e.seq > sent && mayReadEntry(principal, e));
    if (visible.length > 0) raw.write(visible.map(eventOf).join(''));
    sent = Math.max(sent, entries.at(-1)?.seq ?? sent);
  };
  // Live entries are held back while the missed ones are read, then sent after them, in order.
  const held: LedgerEntry[] = [];
  let catchingUp = true;
  const unsubscribe = feed.subscribe((entries) => { if (catchingUp) held.push(...entries); else send(entries); });
  const heartbeat = setInterval(() => raw.write(': still here\n\n'), HEARTBEAT_MS);
  incoming.once('close', () => {
    unsubscribe();
    clearInterval(heartbeat);
  });
  for (;;) {
    const missed = await readAfter(c.database, sent, PAGE);
    if (missed.length === 0) break;
    send(missed);
  }
  catchingUp = false;
  send(held);
}
