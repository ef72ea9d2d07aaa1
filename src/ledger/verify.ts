/**
 * Verifying the chain: every entry in sequence, without gaps, each linked to the one before and
 * hashing to what it says. The first entry that fails is named, with the reason.
 */
import type { Database } from '../store/database.js';
import { GENESIS_HASH, hashEntry, type LedgerEntry } from './entry.js';
import { readChain, readHead } from './read.js';
import type { ChainCheck } from './record.js';

export type { ChainCheck } from './record.js';

/** Checks entries one after another; feed it the chain in order. */
export class ChainChecker {
  #expectedSeq = 1;
  #prevHash = GENESIS_HASH;
  #failure: Extract<ChainCheck, { ok: false }> | undefined;

  /** False once an entry has failed; later entries are not looked at. */
  check(entry: LedgerEntry): boolean {
    if (this.#failure) return false;
    const reason = this.#problem(entry);
    if (reason) {
      this.#failure = { ok: false, count: this.#expectedSeq - 1, seq: entry.seq, streamId: entry.streamId, reason };
      return false;
    }
    this.#expectedSeq++;
    this.#prevHash = entry.hash;
    return true;
  }

  result(): ChainCheck {
    return this.#failure ?? { ok: true, count: this.#expectedSeq - 1, headHash: this.#prevHash };
  }

  #problem(entry: LedgerEntry): string | undefined {
    if (entry.seq !== this.#expectedSeq) return `sequence ${entry.seq} where ${this.#expectedSeq} was expected: entries are missing`;
    if (entry.prevHash !== this.#prevHash) return `its previous hash ${short(entry.prevHash)} does not match entry ${entry.seq - 1} (${short(this.#prevHash)})`;
    const actual = hashEntry(entry);
    if (actual !== entry.hash) return `its content does not match its hash (stored ${short(entry.hash)}, computed ${short(actual)}): the entry was altered`;
    return undefined;
  }
}

export async function verifyChain(database: Database, onProgress?: (checked: number) => void): Promise<ChainCheck> {
  // The head is read first: entries appended meanwhile only lengthen the chain past it.
  const head = await readHead(database);
  const checker = new ChainChecker();
  for await (const page of readChain(database)) {
    for (const entry of page) if (!checker.check(entry)) return checker.result();
    onProgress?.(checker.result().count);
  }
  const result = checker.result();
  if (result.ok && head && head.seq > result.count) {
    return { ok: false, count: result.count, seq: result.count + 1, streamId: '', reason: `the ledger's head records ${head.seq} entries but the chain ends at ${result.count}: entries were removed from the end` };
  }
  return result;
}

function short(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}
