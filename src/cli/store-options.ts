/**
 * Where the database is: DATABASE_URL for a PostgreSQL server, else --data DIR, CONCORD_DATA or
 * ./data for the embedded one. Every command that touches the database uses this.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { ConcordError, openConcord, startConcord, type Concord } from '../app/index.js';
import { openStore } from '../modules/composition.js';
import type { Database, OpenMode, StoreConfig } from '../store/database.js';
import { StoreError } from '../store/store-error.js';
import { EXIT_FAILED, refuse } from './io.js';
import { LedgerDisagrees } from '../ledger/checkpoints.js';
import { SigningKeyError } from '../ledger/signing.js';

export interface StoreFlags {
  readonly data?: string;
  readonly framework?: string;
}

export function withStoreOptions(command: Command): Command {
  return command
    .option('--data <dir>', 'the data folder of the embedded database (default: $CONCORD_DATA or ./data); ignored when DATABASE_URL is set')
    .option('--framework <id>', 'the pack to set up an empty database with (default: csto)');
}

/** The organization's key and last checkpoint sit beside the data, whichever engine holds it. */
export function keysFolder(flags: StoreFlags): string {
  return join(flags.data ?? process.env.CONCORD_DATA ?? 'data', 'keys');
}

export function storeConfig(flags: StoreFlags): StoreConfig {
  const url = process.env.DATABASE_URL;
  if (url) return { url };
  return { dataDir: flags.data ?? process.env.CONCORD_DATA ?? 'data' };
}

/**
 * What a command does with the database. `act`: sets up an empty one, and first fires the
 * deadlines that have passed. `show`: shows the present, so fires them too, but sets nothing up
 * (a read in an empty folder says so and creates nothing). `maintain`: works on the ledger's own
 * records (replay, checkpoints) and fires nothing. `inspect`: writes nothing at all, not even a
 * migration, so it works on read-only media (verify, export).
 */
export type StoreUse = 'act' | 'show' | 'maintain' | 'inspect';

const OPENING: Readonly<Record<StoreUse, { mode: OpenMode; fireTimers: boolean }>> = {
  act: { mode: 'create', fireTimers: true },
  show: { mode: 'existing', fireTimers: true },
  maintain: { mode: 'existing', fireTimers: false },
  inspect: { mode: 'read-only', fireTimers: false },
};

/** Opens Concord for one command, runs it, and always closes the database. */
export async function withConcord(command: string, flags: StoreFlags, work: (c: Concord) => Promise<number>, use: StoreUse = 'act'): Promise<number> {
  const { mode, fireTimers } = OPENING[use];
  let concord: Concord;
  try {
    const options = { store: storeConfig(flags), framework: flags.framework, keys: keysFolder(flags), mode };
    concord = fireTimers ? await startConcord(options) : await openConcord(options);
  } catch (error) {
    if (error instanceof ConcordError) return refuse(command, `--${error.field}: ${error.message}`);
    return cannotUse(command, error);
  }
  try {
    return await work(concord);
  } catch (error) {
    // A full disk or a folder turned read-only under a command is the operator's to fix, not a bug.
    if (error instanceof StoreError) return cannotUse(command, error);
    // So is a key that cannot be read or is not the ledger's; a ledger found rewritten is a finding.
    if (error instanceof SigningKeyError) return refuse(command, error.message);
    if (error instanceof LedgerDisagrees) {
      process.stderr.write(`concord ${command}: ${error.message}; nothing was signed\n`);
      return EXIT_FAILED;
    }
    throw error;
  } finally {
    await concord.close();
  }
}

/** Opens only the database, for work that must not set up a framework first (an import). */
export async function withDatabase(command: string, flags: StoreFlags, work: (db: Database) => Promise<number>): Promise<number> {
  let database: Database;
  try {
    database = await openStore(storeConfig(flags));
  } catch (error) {
    return cannotUse(command, error);
  }
  try {
    return await work(database);
  } catch (error) {
    if (error instanceof StoreError) return cannotUse(command, error);
    throw error;
  } finally {
    await database.close();
  }
}

/** One line: the store's own sentence (it names the path or the address), else the error's. */
function cannotUse(command: string, error: unknown): number {
  if (error instanceof StoreError) {
    const hint = error.problem === 'no-database' ? `; this command creates none: "concord init" sets one up, "concord ledger import FILE" loads an export (with the same ${process.env.DATABASE_URL ? 'DATABASE_URL' : '--data'})` : '';
    process.stderr.write(`concord ${command}: ${error.message}${hint}\n`);
  } else {
    process.stderr.write(`concord ${command}: cannot open the database: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  return EXIT_FAILED;
}
