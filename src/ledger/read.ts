/**
 * Reading the ledger: a stream, or the whole chain in pages.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import type { Tables } from '../store/schema.js';
import type { LedgerEntry } from './entry.js';
import { fromRow } from './rows.js';

/** Where the chain ends: the last entry's sequence number and hash, none for an empty ledger. */
export async function readHead(database: Database): Promise<{ seq: number; hash: string; frontier: string } | undefined> {
  return database.db.selectFrom('ledger_head').select(['seq', 'hash', 'frontier']).where('id', '=', 1).executeTakeFirst();
}

export async function readStream(database: Database, streamId: string): Promise<LedgerEntry[]> {
  const rows = await database.db.selectFrom('ledger_entries').selectAll().where('stream_id', '=', streamId).orderBy('stream_version').execute();
  return rows.map((r) => fromRow(r, database.dialect));
}

/** The entries of every stream whose id begins with `prefix`, in ledger order. */
export async function readStreamsOf(database: Database, prefix: string): Promise<LedgerEntry[]> {
  // By substring, not LIKE: "_" in a prefix is a character, not a wildcard.
  const rows = await database.db.selectFrom('ledger_entries').selectAll().where(sql<string>`substr(stream_id, 1, ${prefix.length})`, '=', prefix).orderBy('seq').execute();
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

/** Up to `limit` entries after `after`, oldest first: what a live reader has not seen yet. */
export async function readAfter(database: Database, after: number, limit: number): Promise<LedgerEntry[]> {
  const rows = await database.db.selectFrom('ledger_entries').selectAll().where('seq', '>', after).orderBy('seq').limit(limit).execute();
  return rows.map((r) => fromRow(r, database.dialect));
}

/** Up to `limit` entries before `before`, newest first: a page of the ledger read backwards. */
export async function readBefore(database: Database, before: number, limit: number): Promise<LedgerEntry[]> {
  const rows = await database.db.selectFrom('ledger_entries').selectAll().where('seq', '<', before).orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((r) => fromRow(r, database.dialect));
}

/** The entries from `first` to `last`, in order: what one append wrote. */
export async function readSpan(database: Database, first: number, last: number, via: Kysely<Tables> = database.db): Promise<LedgerEntry[]> {
  const rows = await via.selectFrom('ledger_entries').selectAll().where('seq', '>=', first).where('seq', '<=', last).orderBy('seq').execute();
  return rows.map((r) => fromRow(r, database.dialect));
}
