/**
 * The one way a command is handled: read the stream, fold it, ask the decider, append with the
 * version read. A refusal changes nothing, and is itself recorded in the ledger, so the
 * secretariat can show what was attempted and why it was refused (a refused read is kept in the
 * bounded audit log instead: see audit.ts).
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { readSpan, readStream, type AppendResult, type LedgerEntry, type StreamAppend } from '../ledger/index.js';
import type { Alongside, Concord } from './concord.js';

export interface Actor {
  readonly actor: string;
  readonly idempotencyKey?: string | undefined;
  /**
   * Do not record refusals: for the system's own retries (a timer tries again every minute), whose
   * refusal would otherwise fill the ledger; a due timer that keeps failing is listed instead.
   */
  readonly quiet?: boolean | undefined;
}

/**
 * Why a command was not carried out. `code` is the decider's own (`wrong-status`, `late`,
 * `not-on-body`, …) or the shell's (`forbidden`, `conflict`, `not-found`, `invalid`,
 * `idempotency-key-reused`), and reaches the caller unchanged; `field` names the part at fault.
 */
export interface Refusal {
  readonly code: string;
  readonly field: string;
  readonly message: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T; readonly entries: readonly LedgerEntry[] } | { readonly ok: false; readonly refusal: Refusal };

interface Event {
  readonly type: string;
  readonly validAt: string;
  readonly data: unknown;
}

export interface CommandSpec<S, E extends Event> {
  readonly streamId: string;
  readonly initial: S;
  readonly evolve: (state: S, event: E) => S;
  readonly decide: (state: S) => { ok: true; events: readonly E[] } | { ok: false; refusal: { readonly code?: string; readonly field: string; readonly message: string } };
  /** Appended in the same transaction, e.g. the register entry a standing change rests on. */
  readonly alongside?: readonly StreamAppend[];
  /** What the command was, for the record of a refusal. */
  readonly describe: string;
}

/** A stream read and folded into its decider's state, with the version read. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- E names the decider's events, which the stored entries are read as
export async function foldStream<S, E extends Event>(c: Concord, streamId: string, evolve: (state: S, event: E) => S, initial: S): Promise<{ state: S; version: number }> {
  const history = await readStream(c.database, streamId);
  return { state: history.map((e) => ({ type: e.type, validAt: e.validAt, data: e.data }) as E).reduce(evolve, initial), version: history.length };
}

/**
 * How often a command is decided again when its stream moved between the read and the append:
 * each of n writers racing on one stream loses at most n - 1 times.
 */
const ATTEMPTS = 25;

/**
 * Reads, decides, appends. When another writer moved the stream meanwhile (six delegates giving
 * their positions at once), the command is decided again on what is now there: the decider, not
 * the race, says whether it still stands.
 */
export async function handle<S, E extends Event>(c: Concord, spec: CommandSpec<S, E>, by: Actor): Promise<Outcome<S>> {
  for (let attempt = 1; ; attempt++) {
    const { state, version } = await foldStream(c, spec.streamId, spec.evolve, spec.initial);
    // A command sent again under its key (its answer was lost) is answered with what it recorded,
    // before the decider, which would now see its own effect and refuse it.
    const earlier = await recordedUnder(c, by.idempotencyKey, [spec.streamId]);
    if (earlier) return { ok: true, value: state, entries: earlier };
    const decided = spec.decide(state);
    if (!decided.ok) return refuse(c, spec.describe, { code: decided.refusal.code ?? 'refused', field: decided.refusal.field, message: decided.refusal.message }, by);
    if (decided.events.length === 0 && (spec.alongside ?? []).length === 0) return { ok: true, value: state, entries: [] };
    const after = decided.events.reduce(spec.evolve, state);
    const requests = [...(spec.alongside ?? []), { streamId: spec.streamId, expectedVersion: version, events: decided.events }];
    const result = await c.append(requests, { actor: by.actor, idempotencyKey: by.idempotencyKey });
    // Appends made alongside were decided by the caller on what it read, and deciding again would
    // not change them; the command's own stream, and those the modules' reactions read within the
    // append, are read again on the next attempt.
    const fixed = new Set((spec.alongside ?? []).map((a) => a.streamId));
    const again = !result.ok && result.code === 'conflict' && !fixed.has(result.streamId) && attempt < ATTEMPTS;
    if (!again) return settle(c, result, requests, by, after, spec.describe);
    // A short, random pause, so that those who lost together do not meet again.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 4 * attempt));
  }
}

/** Appends; `alongside` writes outside the ledger (credentials) in the same transaction. */
export async function appendAll<T>(c: Concord, requests: StreamAppend[], by: Actor, value: T, describe: string, alongside?: Alongside): Promise<Outcome<T>> {
  return settle(c, await c.append(requests, { actor: by.actor, idempotencyKey: by.idempotencyKey, alongside }), requests, by, value, describe);
}

/** An append's result as the command's outcome; a failed one is refused and recorded. */
async function settle<T>(c: Concord, result: AppendResult, requests: readonly StreamAppend[], by: Actor, value: T, describe: string): Promise<Outcome<T>> {
  if (result.ok) return { ok: true, value, entries: result.entries };
  // The same command sent twice at once: the first recorded it; the second is that request again.
  const earlier = result.code === 'idempotency-key-reused' ? await recordedUnder(c, by.idempotencyKey, requests.map((r) => r.streamId)) : undefined;
  if (earlier) return { ok: true, value, entries: earlier };
  if (result.code === 'conflict') {
    return refuse(c, describe, { code: 'conflict', field: result.streamId, message: `${result.streamId} changed meanwhile (version ${result.actual}, expected ${result.expected}); read it again and retry` }, by);
  }
  return refuse(c, describe, { code: 'idempotency-key-reused', field: 'idempotencyKey', message: `key "${result.key}" was already used for a different request` }, by);
}

/** The entries recorded under an idempotency key, if they were written to one of these streams. */
async function recordedUnder(c: Concord, key: string | undefined, streamIds: readonly string[]): Promise<LedgerEntry[] | undefined> {
  if (key === undefined) return undefined;
  const span = await c.database.db.selectFrom('ledger_idempotency').select(['first_seq', 'last_seq']).where('key', '=', key).executeTakeFirst();
  if (!span) return undefined;
  const entries = await readSpan(c.database, span.first_seq, span.last_seq);
  return entries.some((e) => streamIds.includes(e.streamId)) ? entries : undefined;
}

/**
 * The actor of a request sent under the caller's idempotency key, its key carrying the request's
 * fingerprint: the same request again is answered with what it recorded, and a different request
 * under the same key is refused instead of being answered with the first one's entries.
 */
export async function keyedActor(c: Concord, by: Actor, request: unknown, describe: string): Promise<Outcome<Actor>> {
  const key = by.idempotencyKey;
  if (key === undefined) return { ok: true, value: by, entries: [] };
  const fingerprint = requestFingerprint(request);
  const prefix = keyOfRequest(key, '');
  // Compared by substring, not by range: a range of text sorts by the database's collation, which may fold case or skip punctuation.
  const used = await c.database.db
    .selectFrom('ledger_idempotency')
    .select('key')
    .where((eb) => eb.or([eb('key', '=', key), eb(eb.fn('substr', ['key', eb.val(1), eb.val(prefix.length)]), '=', prefix)]))
    .execute();
  // A key recorded as it was given (before keys carried a fingerprint) keeps answering as it did.
  if (used.some((row) => row.key === key)) return { ok: true, value: by, entries: [] };
  const other = used.some((row) => row.key.startsWith(prefix) && /^[0-9a-f]{64}$/.test(row.key.slice(prefix.length)) && row.key !== `${prefix}${fingerprint}`);
  if (other) return refuse(c, describe, { code: 'idempotency-key-reused', field: 'idempotencyKey', message: `key "${key}" was already used for a different request` }, by);
  return { ok: true, value: { ...by, idempotencyKey: keyOfRequest(key, fingerprint) }, entries: [] };
}

/** What identifies a request sent under a key (the command line's command, the HTTP method, path and body). */
export function requestFingerprint(request: unknown): string {
  return createHash('sha256').update(canonicalize(request) ?? '').digest('hex');
}

/** The ledger's key for a request under the caller's key: a different request under the same key is never taken for the first. */
export function keyOfRequest(key: string, fingerprint: string): string {
  return `${key}#${fingerprint}`;
}

/** Records the refused command in the ledger (never fails the caller) and returns the refusal. */
export async function refuse<T>(c: Concord, command: string, refusal: Refusal, by: Actor): Promise<Outcome<T>> {
  if (by.quiet) return { ok: false, refusal };
  try {
    await c.append([{ streamId: 'refusals', expectedVersion: 'any', events: [{ type: 'CommandRefused', validAt: c.clock.now().toISOString(), data: { command, ...refusal, actor: by.actor } }] }], { actor: by.actor });
  } catch {
    // The refusal stands even if it could not be recorded (e.g. the database is read-only).
  }
  return { ok: false, refusal };
}
