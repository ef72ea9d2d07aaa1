/**
 * Concord opened on a database: the ledger, the installed framework pack, and the commands of
 * the registry. Each command reads its stream, folds it, asks the decider, and appends with the
 * version it read, so a concurrent writer gets a conflict instead of a lost update.
 */
import { createHash } from 'node:crypto';
import type { Pack } from '../core/framework/index.js';
import { historyFromPack, partyStream } from '../core/membership/index.js';
import { appendToLedger, readStream, type AppendOptions, type AppendResult, type Projector, type StreamAppend } from '../ledger/index.js';
import type { Database, OpenMode, StoreConfig } from '../store/database.js';
import { composition } from './composition.js';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { Reaction } from '../modules/module.js';
import type { Tables } from '../store/schema.js';
import { loadPack, shippedPackIds } from './packs.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface OpenOptions {
  readonly store: StoreConfig;
  /** The pack to install in an empty database (default: csto); must match an installed one. */
  readonly framework?: string | undefined;
  readonly clock?: Clock | undefined;
  /**
   * The folder, outside the database, that keeps the organization's signing key (unless
   * CONCORD_SIGNING_KEY names one) and the last checkpoint signed; default: the data folder's keys/
   * (for PostgreSQL, that of $CONCORD_DATA or ./data, as the command line has it).
   */
  readonly keys?: string | undefined;
  /** `existing` and `read-only` open only a database already set up; `read-only` writes nothing (default: create). */
  readonly mode?: OpenMode | undefined;
}

export class ConcordError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export interface Concord {
  readonly database: Database;
  readonly pack: Pack;
  /** The installed pack and the digest of its content, cited by every decision taken. */
  readonly framework: FrameworkInstalled;
  readonly clock: Clock;
  /** Where the organization's key and the last signed checkpoint are kept, outside the database. */
  readonly keysDir: string;
  append(requests: readonly StreamAppend[], options: Omit<AppendOptions, 'recordedAt'> & { readonly alongside?: Alongside }): Promise<AppendResult>;
  today(): string;
  /** Calls `listener` after each append this process commits; returns how to stop. */
  onAppended(listener: () => void): () => void;
  close(): Promise<void>;
}

/** A write outside the ledger (an account's credentials) made in the same transaction as the append. */
export type Alongside = (trx: Kysely<Tables>) => Promise<void>;

export const SETUP_ACTOR = 'concord:setup';

export interface FrameworkInstalled {
  readonly id: string;
  readonly name: string;
  /** SHA-256 of the pack as loaded, so that a later change of the pack files can be noticed. */
  readonly digest: string;
  /** The folder it was set up from, when not a shipped pack. */
  readonly source?: string;
}

/** How deep one reaction may lead to another (a decision adopted changes a standing, which …). */
const REACTION_DEPTH = 4;

export async function openConcord(options: OpenOptions): Promise<Concord> {
  const { openStore, projectEntries, reactionsTo } = await composition();
  const database = await openStore(options.store, options.mode);
  const clock = options.clock ?? systemClock;
  const listeners = new Set<() => void>();
  try {
    const { pack, framework } = await installedPack(database, options.framework, clock, options.mode === 'read-only' ? undefined : projectEntries);
    const concord: Concord = {
      database,
      pack,
      framework,
      clock,
      keysDir: options.keys ?? join('dataDir' in options.store ? options.store.dataDir : (process.env.CONCORD_DATA ?? 'data'), 'keys'),
      append: async (requests, { alongside, ...appendOptions }) => {
        const project: Projector = alongside ? async (trx, entries) => { await projectEntries(trx, entries); await alongside(trx); } : projectEntries;
        const all = [...requests, ...(await consequences(concord, requests, reactionsTo))];
        const result = await appendToLedger(database, all, { ...appendOptions, recordedAt: clock.now().toISOString() }, project);
        if (result.ok && !result.replayed) for (const listener of listeners) listener();
        return result;
      },
      onAppended: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      today: () => clock.now().toISOString().slice(0, 10),
      close: () => database.close(),
    };
    return concord;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * What the modules' reactions add to an append, in the same transaction: the appends that follow
 * from its events, and those that follow from theirs.
 */
async function consequences(c: Concord, requests: readonly StreamAppend[], reactionsTo: (type: string) => readonly Reaction[]): Promise<StreamAppend[]> {
  const added: StreamAppend[] = [];
  let wave: readonly StreamAppend[] = requests;
  for (let depth = 0; depth < REACTION_DEPTH && wave.length > 0; depth++) {
    const next: StreamAppend[] = [];
    for (const request of wave) {
      for (const event of request.events) {
        for (const reaction of reactionsTo(event.type)) next.push(...(await reaction.react(c, { ...event, streamId: request.streamId })));
      }
    }
    added.push(...next);
    wave = next;
  }
  return added;
}

/**
 * The latest date it is anywhere now (UTC+14 reaches a new day first): a date a member gives for
 * its own act is in the future only after this, whatever its time zone.
 */
export function latestToday(c: Concord): string {
  return new Date(c.clock.now().getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The pack this database was set up with; an empty database is set up with the one asked for.
 * Without a projector (a read-only open) nothing is recorded: not a setup, not a changed pack.
 */
async function installedPack(database: Database, requested: string | undefined, clock: Clock, projectEntries: Projector | undefined): Promise<{ pack: Pack; framework: FrameworkInstalled }> {
  const setting = await database.db.selectFrom('projection_settings').select('value').where('key', '=', 'framework').executeTakeFirst();
  const installed = setting ? (JSON.parse(setting.value) as FrameworkInstalled) : undefined;
  if (installed && requested !== undefined && requested !== installed.id && resolvePackSource(requested) !== installed.source) {
    throw new ConcordError(`this database holds the "${installed.id}" framework; use another data folder for "${requested}"`, 'framework');
  }
  // A pack set up from a folder is read from that folder again, not from the shipped one of its id.
  const id = installed?.source ?? installed?.id ?? resolvePackSource(requested ?? 'csto');
  const loaded = loadPack(id);
  if (!loaded.ok) {
    const first = loaded.problems[0];
    throw new ConcordError(`framework "${id}" cannot be loaded: ${first ? `${first.file}:${first.line}: ${first.message}` : 'invalid pack'}`, 'framework');
  }
  if (!installed) {
    if (!projectEntries) throw new ConcordError(`${database.location} holds no framework yet, and a read-only command sets none up`, 'data');
    return { pack: loaded.pack, framework: await installHistory(database, loaded.pack, clock, id, projectEntries) };
  }
  const current: FrameworkInstalled = { ...installed, name: loaded.pack.organization.name.en, digest: packDigest(loaded.pack) };
  // The pack's files changed since the last start: record from when the new text applies, so
  // that every decision cites the framework it was really taken under.
  if (current.digest !== installed.digest && projectEntries) {
    // With the version read, of two processes starting together one records it, the other gets a conflict.
    const version = (await readStream(database, 'framework')).length;
    await appendToLedger(
      database,
      [{ streamId: 'framework', expectedVersion: version, events: [{ type: 'FrameworkUpdated', data: current, validAt: clock.now().toISOString() }] }],
      { actor: SETUP_ACTOR, recordedAt: clock.now().toISOString() },
      projectEntries,
    );
  }
  return { pack: loaded.pack, framework: current };
}

/** A shipped pack's id as it is; a folder as an absolute path, valid from any working directory. */
function resolvePackSource(idOrPath: string): string {
  return shippedPackIds().includes(idOrPath) ? idOrPath : resolve(idOrPath);
}

function packDigest(pack: Pack): string {
  return createHash('sha256').update(JSON.stringify(pack)).digest('hex');
}

/**
 * Writes the pack's documented history as one atomic append, keyed so that two processes
 * starting on one empty database install it once.
 */
async function installHistory(database: Database, pack: Pack, clock: Clock, source: string, projectEntries: Projector): Promise<FrameworkInstalled> {
  const installed: FrameworkInstalled = { id: pack.id, name: pack.organization.name.en, digest: packDigest(pack), ...(source === pack.id ? {} : { source }) };
  const requests: StreamAppend[] = [
    { streamId: 'framework', expectedVersion: 0, events: [{ type: 'FrameworkInstalled', data: installed, validAt: pack.organization.founded, reconstructed: true }] },
    ...historyFromPack(pack).map((h) => ({
      streamId: partyStream(h.party),
      expectedVersion: 0,
      events: h.events.map((e) => ({ type: e.type, data: e.data, validAt: e.validAt, reconstructed: true })),
    })),
  ];
  const result = await appendToLedger(database, requests, { actor: SETUP_ACTOR, recordedAt: clock.now().toISOString(), idempotencyKey: `install:${pack.id}` }, projectEntries);
  if (!result.ok && result.code !== 'conflict') throw new ConcordError(`installing ${pack.id} failed: ${result.code}`, 'framework');
  return installed;
}
