/**
 * The chain's head as a writer reads it: inside its transaction, locked where the engine locks
 * rows, so that appends are serialized.
 */
import { sql, type Kysely } from 'kysely';
import type { LedgerHead } from './ledger-writes.js';
import type { Tables } from './schema.js';

export async function readLockedHead(trx: Kysely<Tables>, lock: '' | 'for update'): Promise<LedgerHead> {
  const result = await sql<LedgerHead>`select seq, hash, frontier from ledger_head where id = 1 ${sql.raw(lock)}`.execute(trx);
  const head = result.rows[0];
  if (!head) throw new Error('the ledger head is missing: the database was not set up by Concord');
  return head;
}
