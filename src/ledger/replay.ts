/**
 * Rebuilding every read model from the ledger alone, and checking the result against the live
 * read models: they must be identical, or a projection has drifted from the record.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import type { Tables } from '../store/schema.js';
import type { Projector } from './append.js';
import { readChain } from './read.js';

/** The read models a replay rebuilds: how to write them, empty them and read them back in order. */
export interface ReadModels {
  readonly project: Projector;
  readonly clear: (trx: Kysely<Tables>) => Promise<void>;
  readonly snapshot: (db: Kysely<Tables>) => Promise<Record<string, unknown[]>>;
}

export interface ReplayResult {
  readonly entries: number;
  /** Tables whose rebuilt rows differ from what was live before the replay. */
  readonly differing: readonly string[];
}

export async function replayProjections(database: Database, models: ReadModels, onProgress?: (done: number) => void): Promise<ReplayResult> {
  return database.writeTransaction(async (trx) => {
    const live = await models.snapshot(trx);
    await models.clear(trx);
    let entries = 0;
    for await (const page of readChain(database, trx)) {
      await models.project(trx, page, database);
      entries += page.length;
      onProgress?.(entries);
    }
    const rebuilt = await models.snapshot(trx);
    const differing = Object.keys(live).filter((table) => !isDeepStrictEqual(live[table], rebuilt[table]));
    return { entries, differing };
  });
}
