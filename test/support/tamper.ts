/**
 * What an attacker with write access to the database does to hide an edit: change an entry, then
 * recompute every hash after it, move the head, and (if thorough) rebuild the Merkle tree too.
 */
import { seal } from '../../src/ledger/entry.js';
import { readChain, type LedgerEntry } from '../../src/ledger/index.js';
import { buildTree } from '../../src/ledger/tree.js';
import type { Database } from '../../src/store/database.js';

export async function reseal(db: Database, seq: number, change: (e: LedgerEntry) => LedgerEntry, rebuildTree: boolean): Promise<void> {
  const all: LedgerEntry[] = [];
  for await (const page of readChain(db)) all.push(...page);
  let prev = all[seq - 2]?.hash ?? '0'.repeat(64);
  for (const entry of all.slice(seq - 1)) {
    const changed = entry.seq === seq ? change(entry) : entry;
    const sealed = seal({ ...changed, prevHash: prev });
    prev = sealed.hash;
    await db.db.updateTable('ledger_entries').set({ data: JSON.stringify(sealed.data), prev_hash: sealed.prevHash, hash: sealed.hash }).where('seq', '=', sealed.seq).execute();
  }
  await db.db.updateTable('ledger_head').set({ hash: prev }).where('id', '=', 1).execute();
  if (rebuildTree) {
    await db.db.deleteFrom('ledger_tree').execute();
    await buildTree(db.db);
  }
}

/** The change most worth hiding: what a note said. */
export function rewriteSubject(e: LedgerEntry): LedgerEntry {
  return { ...e, data: { ...(e.data as object), subject: 'a different subject' } };
}
