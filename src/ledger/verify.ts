/**
 * Verifying the ledger: every entry in sequence, without gaps, each linked to the one before and
 * hashing to what it says; the Merkle tree rebuilt from the entries and compared with the tree the
 * database keeps and, when a checkpoint is given, with the root the organization signed. The
 * first entry that fails is named, with the reason.
 */
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { extendFrontier, rootOf, toHex, type TreeNode } from '../core/ledger/merkle.js';
import type { Database } from '../store/database.js';
import { GENESIS_HASH, hashEntry, type LedgerEntry } from './entry.js';
import { readChain, readHead } from './read.js';
import type { ChainCheck } from './record.js';
import { HASHER, leafHashOf, rootOfFrontier, STORED_LEVEL } from './tree.js';

export type { ChainCheck } from './record.js';

/** Checks entries one after another; feed it the chain in order. */
export class ChainChecker {
  #expectedSeq = 1;
  #prevHash = GENESIS_HASH;
  #frontier: TreeNode[] = [];
  #failure: Extract<ChainCheck, { ok: false }> | undefined;
  /** The subtrees the database should keep, completed since `takeSubtrees` was last called. */
  #subtrees: TreeNode[] = [];

  /** False once an entry has failed; later entries are not looked at. */
  check(entry: LedgerEntry): boolean {
    if (this.#failure) return false;
    const reason = this.#problem(entry);
    if (reason) {
      this.fail(entry.seq, entry.streamId, reason);
      return false;
    }
    const grown = extendFrontier(HASHER, this.#frontier, leafHashOf(entry.hash), this.#expectedSeq - 1);
    this.#frontier = grown.frontier;
    for (const node of grown.created) if (node.level >= STORED_LEVEL) this.#subtrees.push(node);
    this.#expectedSeq++;
    this.#prevHash = entry.hash;
    return true;
  }

  /** How many entries have verified so far. */
  get count(): number {
    return this.#expectedSeq - 1;
  }

  /** The root of the tree of the entries verified so far. */
  root(): string {
    return toHex(rootOf(HASHER, this.#frontier));
  }

  takeSubtrees(): TreeNode[] {
    return this.#subtrees.splice(0);
  }

  fail(seq: number, streamId: string, reason: string): void {
    this.#failure ??= { ok: false, count: this.count, seq, streamId, reason };
  }

  result(): ChainCheck {
    return this.#failure ?? { ok: true, count: this.count, headHash: this.#prevHash, root: this.root() };
  }

  #problem(entry: LedgerEntry): string | undefined {
    if (entry.seq !== this.#expectedSeq) return `sequence ${entry.seq} where ${this.#expectedSeq} was expected: entries are missing`;
    if (entry.prevHash !== this.#prevHash) return `its previous hash ${short(entry.prevHash)} does not match entry ${entry.seq - 1} (${short(this.#prevHash)})`;
    const actual = hashEntry(entry);
    if (actual !== entry.hash) return `its content does not match its hash (stored ${short(entry.hash)}, computed ${short(actual)}): the entry was altered`;
    return undefined;
  }
}

/** A root the organization signed for the first `size` entries. */
export interface SignedRoot {
  readonly size: number;
  readonly root: string;
  readonly signedAt: string;
}

/**
 * Verifies the whole ledger a page at a time, yielding between pages so that a server verifying
 * a long ledger goes on answering the others. The subtrees the database keeps are compared with
 * those the entries make as they complete: proofs are made of them, and an entry altered and the
 * chain resealed after it, the tree left as it was, is found in the first that differs.
 */
export async function verifyChain(database: Database, onProgress?: (checked: number) => void, against?: SignedRoot): Promise<ChainCheck> {
  // The head is read first: entries appended meanwhile only lengthen the chain past it.
  const head = await readHead(database);
  const checker = new ChainChecker();
  let rootAtHead: string | undefined;
  const reached = (): void => {
    if (against && checker.count === against.size && checker.root() !== against.root) {
      checker.fail(against.size, '', `the first ${against.size} entries no longer hash to the root signed at ${against.signedAt} (${short(against.root)}; now ${short(checker.root())}): the history before the checkpoint was rewritten`);
    }
    if (head && checker.count === head.seq) rootAtHead = checker.root();
  };
  reached();
  try {
    for await (const page of readChain(database, database.db, PAGE)) {
      const blocks: TreeNode[] = [];
      for (const entry of page) {
        if (!checker.check(entry)) return checker.result();
        blocks.push(...checker.takeSubtrees());
        reached();
      }
      const altered = await differingSubtree(database, blocks, page);
      if (altered) return altered(checker.count);
      if (!checker.result().ok) return checker.result();
      onProgress?.(checker.count);
      await yieldToOthers();
    }
  } catch (error) {
    return { ok: false, count: checker.count, seq: checker.count + 1, streamId: '', reason: `it cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = checker.result();
  if (!result.ok) return result;
  if (head && head.seq > result.count) {
    return { ok: false, count: result.count, seq: result.count + 1, streamId: '', reason: `the ledger's head records ${head.seq} entries but the chain ends at ${result.count}: entries were removed from the end` };
  }
  if (against && result.count < against.size) {
    return { ok: false, count: result.count, seq: result.count + 1, streamId: '', reason: `the checkpoint signed at ${against.signedAt} covers ${against.size} entries, the ledger has only ${result.count}: entries were removed` };
  }
  if (head && rootAtHead !== rootOfFrontier(head.seq, head.frontier)) {
    return { ok: false, count: result.count, seq: head.seq, streamId: '', reason: "the Merkle tree the database keeps does not match its entries: the tree was altered" };
  }
  return result;
}

const PAGE = 1000;

/** The first stored subtree that differs from the one its entries make, as a failure to report. */
async function differingSubtree(database: Database, made: readonly TreeNode[], page: readonly LedgerEntry[]): Promise<((count: number) => ChainCheck) | undefined> {
  if (made.length === 0) return undefined;
  const nodeAt = await storedSubtrees(database, made);
  const differing = made.find((node) => nodeAt.get(`${node.level}/${node.index}`) !== toHex(node.hash));
  if (!differing) return undefined;
  const first = differing.index * 2 ** differing.level + 1;
  const last = first + 2 ** differing.level - 1;
  const entry = page.find((e) => e.seq === first);
  return (count) => ({ ok: false, count: Math.min(count, first - 1), seq: first, streamId: entry?.streamId ?? '', reason: `one of entries ${first} to ${last} does not hash to the subtree the database keeps for them: an entry was altered and the chain resealed after it, or the tree was altered` });
}

async function storedSubtrees(database: Database, ids: readonly TreeNode[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const rows = await database.db
      .selectFrom('ledger_tree')
      .select(['level', 'idx', 'hash'])
      .where((eb) => eb.or(chunk.map((id) => eb.and([eb('level', '=', id.level), eb('idx', '=', id.index)]))))
      .execute();
    for (const row of rows) found.set(`${row.level}/${row.idx}`, row.hash);
  }
  return found;
}

function short(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}
