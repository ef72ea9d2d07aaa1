/**
 * Reading the ledger: a stream, or the whole chain in pages.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import type { Tables } from '../store/schema.js';
import type { LedgerEntry } from './entry.js';
import { fromRow } from './rows.js';

export async function readStream(database: Database, streamId: string): Promise<LedgerEntry[]> {
  const rows = await database.db.selectFrom('ledger_entries').selectAll().where('stream_id', '=', streamId).orderBy('stream_version').execute();
  return rows.map((r) => fromRow(r, database.dialect));
}

/**
 * The chain in order, a page at a time, so that a large ledger never sits in memory whole.
 * `via` reads inside a transaction already open on the database.
 */
export async function* readChain(database: Database, via: Kysely<Tables> = database.db, pageSize = 5000): AsyncGenerator<LedgerEntry[]> {
  let after = 0;
  for (;;) {
    const rows = await via.selectFrom('ledger_entries').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) return;
    const page = rows.map((r) => fromRow(r, database.dialect));
    after = page.at(-1)?.seq ?? after;
    yield page;
  }
}
