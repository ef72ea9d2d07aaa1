/**
 * Rebuilding every read model from the ledger alone, and checking the result against the live
 * read models: they must be identical, or a projection has drifted from the record.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Database } from '../store/database.js';
import { clearProjections, projectEntries, snapshotProjections } from '../store/projections.js';
import { readChain } from './read.js';

export interface ReplayResult {
  readonly entries: number;
  /** Tables whose rebuilt rows differ from what was live before the replay. */
  readonly differing: readonly string[];
}

export async function replayProjections(database: Database, onProgress?: (done: number) => void): Promise<ReplayResult> {
  return database.writeTransaction(async (trx) => {
    const live = await snapshotProjections(trx);
    await clearProjections(trx);
    let entries = 0;
    for await (const page of readChain(database, trx)) {
      await projectEntries(trx, page);
      entries += page.length;
      onProgress?.(entries);
    }
    const rebuilt = await snapshotProjections(trx);
    const differing = Object.keys(live).filter((table) => !isDeepStrictEqual(live[table], rebuilt[table]));
    return { entries, differing };
  });
}
