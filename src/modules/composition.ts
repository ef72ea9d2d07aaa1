/**
 * What the registry's modules make together: the permission table, what each reader sees, the
 * projector that writes every read model, the migrations, timers and reactions. Built on first
 * use, not on import: the modules' shells import the application, which imports this.
 */
import { sql, type Kysely } from 'kysely';
import { accessFrom, visibilityFrom, type Access, type Visibility } from '../core/access/index.js';
import type { LedgerEntry } from '../ledger/index.js';
import { openDatabase, type Database, type OpenMode, type StoreConfig } from '../store/database.js';
import type { Tables } from '../store/schema.js';
import { modules } from './index.js';
import type { ConcordModule, Projection, ProjectionCheck, Reaction, ReadModel, Step, TimerHandler } from './module.js';

/** Read models of the platform itself: the timers every module's deadlines are kept in. */
const PLATFORM_READ_MODELS: readonly ReadModel[] = [{ table: 'projection_timers', key: 'id' }];

function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

export const access = once((): Access => accessFrom(modules().map((m) => m.actions)));

export const visibility = once((): Visibility => visibilityFrom(modules().flatMap((m) => m.streams), access()));

const projectionsByType = once(() => {
  const byType = new Map<string, Projection[]>();
  for (const projection of modules().flatMap((m) => m.projections ?? [])) {
    for (const type of projection.canHandle) byType.set(type, [...(byType.get(type) ?? []), projection]);
  }
  return byType;
});

/**
 * Writes the read models from entries, in ledger order: consecutive entries for one projection
 * go to it together (a pack's history is hundreds of timeline rows), an entry several modules
 * read goes to each in the registry's order, and an entry none reads changes no read model.
 */
export async function projectEntries(trx: Kysely<Tables>, entries: readonly LedgerEntry[]): Promise<void> {
  let run: { projection: Projection; entries: LedgerEntry[] } | undefined;
  const flush = async () => {
    if (run) await run.projection.project(trx, run.entries);
    run = undefined;
  };
  for (const entry of entries) {
    const handlers = projectionsByType().get(entry.type) ?? [];
    const [only] = handlers;
    if (handlers.length === 1 && only && run?.projection === only) {
      run.entries.push(entry);
      continue;
    }
    await flush();
    if (handlers.length === 1 && only) run = { projection: only, entries: [entry] };
    else for (const projection of handlers) await projection.project(trx, [entry]);
  }
  await flush();
}

export const readModels = once((): readonly ReadModel[] => [...PLATFORM_READ_MODELS, ...modules().flatMap((m) => m.readModels ?? [])]);

/** Every read model's rows in a fixed order, for comparing live read models with rebuilt ones. */
export async function snapshotProjections(db: Kysely<Tables>): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const { table, key } of readModels()) snapshot[table] = await (db as unknown as Kysely<Record<string, Record<string, unknown>>>).selectFrom(table).selectAll().orderBy(sql.ref(key)).execute();
  return snapshot;
}

export async function clearProjections(trx: Kysely<Tables>): Promise<void> {
  for (const { table } of readModels()) await (trx as unknown as Kysely<Record<string, Record<string, unknown>>>).deleteFrom(table).execute();
}

/** The modules' own migrations, named `<module>/<step>` so that two modules never collide. */
export const moduleMigrations = once((): Readonly<Record<string, Step>> =>
  Object.fromEntries(modules().flatMap((m: ConcordModule) => Object.entries(m.migrations ?? {}).map(([name, step]) => [`${m.id}/${name}`, step]))),
);

const timers = once(() => {
  const handlers = new Map<string, TimerHandler>();
  for (const m of modules()) {
    for (const [kind, handler] of Object.entries(m.timers ?? {})) {
      if (handlers.has(kind)) throw new Error(`the timer kind "${kind}" is declared by two modules`);
      handlers.set(kind, handler);
    }
  }
  return handlers;
});

export function timerHandler(kind: string): TimerHandler | undefined {
  return timers().get(kind);
}

const reactions = once(() => modules().flatMap((m) => m.reactions ?? []));

/** What the modules say after an import, one line each. */
export async function importNotices(database: Database): Promise<string[]> {
  const notices: string[] = [];
  for (const module of modules()) {
    const notice = await module.afterImport?.(database);
    if (notice !== undefined) notices.push(notice);
  }
  return notices;
}

export const powerStreams = once((): readonly string[] => modules().flatMap((m) => m.powerStreams ?? []));

export const projectionChecks = once((): readonly ProjectionCheck[] => modules().flatMap((m) => m.checks ?? []));

export function reactionsTo(type: string): readonly Reaction[] {
  return reactions().filter((r) => r.on.includes(type));
}

/** The read models as a replay rebuilds them. */
export const READ_MODELS = { project: projectEntries, clear: clearProjections, snapshot: snapshotProjections } as const;

/** The database with every module's tables: what Concord opens, and what an import loads into. */
export function openStore(config: StoreConfig, mode: OpenMode = 'create'): Promise<Database> {
  return openDatabase(config, moduleMigrations(), mode);
}
