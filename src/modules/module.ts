/**
 * What a module is: one folder with one manifest. The pure half (`manifest.ts`, of the shape in
 * `descriptor.ts`) is read by the server and by the web alike; the shell half (`index.ts`) adds
 * what runs: projections, timers, reactions, routes and commands. The server,
 * the command line, the projector, the timer loop, the access checks and the web iterate the
 * registry (`./index.ts`) and name no module themselves.
 *
 * The modules import the application; the application reaches the registry only when it first
 * needs it (src/app/composition.ts), so the files load in any order.
 */
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ModuleDescriptor } from './descriptor.js';
import type { LedgerEntry, NewEvent, StreamAppend } from '../ledger/index.js';
import type { Actor } from '../app/command.js';
import type { Concord } from '../app/concord.js';
import type { Step } from '../store/migrations.js';
import type { Tables } from '../store/schema.js';
import type { Database } from '../store/database.js';

/** A read model: the event types it handles, written in the transaction of their append. */
export interface Projection {
  readonly canHandle: readonly string[];
  /** Consecutive entries it handles, in ledger order (the timeline batches its inserts). */
  project(trx: Kysely<Tables>, entries: readonly LedgerEntry[]): Promise<void>;
}

/** A table a module's projections write: emptied and rebuilt by `concord ledger replay`. */
export interface ReadModel {
  readonly table: string;
  /** The column that orders its rows, to compare the live table with the rebuilt one. */
  readonly key: string;
}

/** What a deadline does when it falls due; true when it fired. */
export type TimerHandler = (c: Concord, timerId: string, payload: Readonly<Record<string, string>>, by: Actor) => Promise<boolean>;

/** An event about to be appended, as a reaction sees it. */
export interface Appending extends NewEvent {
  readonly streamId: string;
}

/**
 * What follows from an event in the same transaction: an adopted decision on a state's standing
 * changes the registry; the reaction reads what it needs and returns the appends, each with the
 * version it read, so a concurrent writer makes the whole append a conflict.
 */
export interface Reaction {
  readonly on: readonly string[];
  react(c: Concord, event: Appending): Promise<readonly StreamAppend[]>;
}

/** What the server was started with that a module's routes follow. */
export interface RouteSettings {
  readonly signInPerMinute: number;
  /** The wait after a failed sign-in (every failure waits as long). */
  readonly signInBackoffMs: number;
}

export type { Step } from '../store/migrations.js';

/** What checking a table that grants power against the ledger found: nothing, or the first row at fault. */
export type ProjectionCheckResult = { readonly ok: true } | { readonly ok: false; readonly table: string; readonly key: string; readonly reason: string };

/**
 * A table that grants power (accounts, roles, tokens) must be exactly what the ledger says; the
 * check is run by `concord ledger verify` and by the server before it serves.
 */
export type ProjectionCheck = (database: Database) => Promise<ProjectionCheckResult>;

export interface ConcordModule extends ModuleDescriptor {
  readonly checks?: readonly ProjectionCheck[];
  /** Prefixes of the streams whose entries grant power: at start each is proved against the last checkpoint. */
  readonly powerStreams?: readonly string[];
  /** What the operator must be told after `concord ledger import` (what an export cannot carry). */
  readonly afterImport?: (database: Database) => Promise<string | undefined>;
  readonly projections?: readonly Projection[];
  readonly readModels?: readonly ReadModel[];
  /** Migrations for the module's own tables, applied after the store's own, in name order. */
  readonly migrations?: Readonly<Record<string, Step>>;
  readonly timers?: Readonly<Record<string, TimerHandler>>;
  readonly reactions?: readonly Reaction[];
  readonly routes?: (app: FastifyInstance, c: Concord, settings: RouteSettings) => void;
  readonly commands?: (root: Command, setExit: (code: number) => void) => void;
  /** What the module adds to `concord demo`, once (again, it records nothing); a line for the banner. */
  readonly demo?: (c: Concord) => Promise<string | undefined>;
}

export type { Localized, ModuleDescriptor, NavigationEntry } from './descriptor.js';
