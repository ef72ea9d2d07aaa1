/**
 * Where the database is: DATABASE_URL for a PostgreSQL server, else --data DIR, CONCORD_DATA or
 * ./data for the embedded one. Every command that touches the database uses this.
 */
import type { Command } from 'commander';
import { ConcordError, openConcord, startConcord, type Concord } from '../app/index.js';
import { openStore } from '../modules/composition.js';
import type { Database, StoreConfig } from '../store/database.js';
import { refuse } from './io.js';

export interface StoreFlags {
  readonly data?: string;
  readonly framework?: string;
}

export function withStoreOptions(command: Command): Command {
  return command
    .option('--data <dir>', 'the data folder of the embedded database (default: $CONCORD_DATA or ./data); ignored when DATABASE_URL is set')
    .option('--framework <id>', 'the pack to set up an empty database with (default: csto)');
}

export function storeConfig(flags: StoreFlags): StoreConfig {
  const url = process.env.DATABASE_URL;
  if (url) return { url };
  return { dataDir: flags.data ?? process.env.CONCORD_DATA ?? 'data' };
}

/**
 * Opens Concord for one command, runs it, and always closes the database. Commands that act or
 * show the present first fire the deadlines that have passed; `readOnly` ones (verify, export,
 * replay) leave the ledger as they found it.
 */
export async function withConcord(command: string, flags: StoreFlags, work: (c: Concord) => Promise<number>, readOnly = false): Promise<number> {
  let concord: Concord;
  try {
    const options = { store: storeConfig(flags), framework: flags.framework };
    concord = readOnly ? await openConcord(options) : await startConcord(options);
  } catch (error) {
    if (error instanceof ConcordError) return refuse(command, `--${error.field}: ${error.message}`);
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`concord ${command}: cannot open the database: ${message}\n`);
    return 1;
  }
  try {
    return await work(concord);
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
    process.stderr.write(`concord ${command}: cannot open the database: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
