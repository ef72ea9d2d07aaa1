/**
 * The anchor: the last checkpoint this instance signed, kept beside its key, outside the database.
 * Whatever the database says, the ledger must extend it. Checking that is quick however long the
 * ledger: the stored tree must still give the signed root (its last entries hashed again from the
 * entries themselves), the last stored subtree before it must still be its entries, and every
 * entry after it must chain, hash and grow the tree to the head the database keeps. Entries before
 * the anchor are checked one by one only by the full verification.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { createHash } from 'node:crypto';
import { parseCheckpoint, type Checkpoint } from '../core/ledger/checkpoint.js';
import { extendFrontier, fromHex, rootOf, toHex, treeHash, verifyInclusion, type TreeNode } from '../core/ledger/merkle.js';
import type { Database } from '../store/database.js';
import { hashEntry, type LedgerEntry } from './entry.js';
import { readHead, readSpan } from './read.js';
import { signatureHolds, SigningKeyError } from './signing.js';
import { frontierAt, HASHER, inclusionPath, leafDataOf, leafHashOf, rootOfFrontier, STORED_LEVEL } from './tree.js';

/** Where the ledger stops being what was signed: the entry, and why. */
export interface Disagreement {
  readonly seq: number;
  readonly reason: string;
}

/**
 * The anchor's file in the keys folder: one per database, since one key may sign for several (the
 * schemas of one PostgreSQL server); an embedded database has its folder to itself.
 */
function anchorFile(keysDir: string, database: Database): string {
  if (database.dialect.name === 'sqlite') return join(keysDir, 'last-checkpoint.json');
  return join(keysDir, `last-checkpoint-${createHash('sha256').update(database.location).digest('hex').slice(0, 12)}.json`);
}

export function readAnchor(keysDir: string | undefined, database: Database): Checkpoint | undefined {
  if (keysDir === undefined) return undefined;
  const file = anchorFile(keysDir, database);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let parsed: ReturnType<typeof parseCheckpoint>;
  try {
    parsed = parseCheckpoint(JSON.parse(text));
  } catch {
    throw new SigningKeyError(`${file} is not JSON: the last checkpoint kept beside the key is damaged (restore it from the backup of keys/)`);
  }
  if (!parsed.ok) throw new SigningKeyError(`${file}: "${parsed.field}" ${parsed.reason}: the last checkpoint kept beside the key is damaged`);
  return parsed.checkpoint;
}

/**
 * Keeps a checkpoint as the anchor, never one covering fewer entries than the anchor already kept.
 * Written to a file of its own, flushed, then renamed over the old one: a crash leaves the old
 * anchor or the new one, never half of one, and two writers never share a temporary file.
 */
export function writeAnchor(keysDir: string, database: Database, checkpoint: Checkpoint): void {
  const file = anchorFile(keysDir, database);
  const kept = readAnchor(keysDir, database);
  if (kept && kept.size > checkpoint.size) return;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(checkpoint, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/** Whether the ledger in the database extends the anchor; the first disagreement otherwise. */
export async function extendsAnchor(database: Database, anchor: Checkpoint, publicKey: string): Promise<Disagreement | undefined> {
  if (!signatureHolds(publicKey, anchor)) return { seq: anchor.size, reason: "the last checkpoint kept beside the key is not signed by the organization's key" };
  const head = await readHead(database);
  const size = head?.seq ?? 0;
  const from = anchor.size;
  if (size < from) return { seq: size + 1, reason: `the checkpoint signed at ${anchor.signedAt} covers ${from} entries, the ledger has only ${size}: entries were removed` };
  let frontier: TreeNode[];
  try {
    frontier = await frontierAt(database.db, from);
  } catch (error) {
    return { seq: from, reason: error instanceof Error ? error.message : String(error) };
  }
  // Made of stored subtrees and of the last entries themselves: a chain resealed from an earlier
  // entry changes those entries, and a tree rebuilt to hide it changes the root.
  if (toHex(rootOf(HASHER, frontier)) !== anchor.root) return { seq: from, reason: `the first ${from} entries no longer have the root signed at ${anchor.signedAt}: entries before it were rewritten` };
  const lastBlock = await lastStoredSubtree(database, from);
  if (lastBlock) return lastBlock;
  let prevHash: string | undefined;
  for (let seq = Math.max(1, from); seq <= size; seq += PAGE) {
    const page = await readSpan(database, seq, Math.min(size, seq + PAGE - 1));
    for (const [i, entry] of page.entries()) {
      if (entry.seq !== seq + i) return { seq: seq + i, reason: 'the entry is missing' };
      if (hashEntry(entry) !== entry.hash) return { seq: entry.seq, reason: 'its content does not match its hash: the entry was altered' };
      if (prevHash !== undefined && entry.prevHash !== prevHash) return { seq: entry.seq, reason: `its previous hash does not match entry ${entry.seq - 1}` };
      if (entry.seq > from) frontier = extendFrontier(HASHER, frontier, leafHashOf(entry.hash), entry.seq - 1).frontier;
      prevHash = entry.hash;
    }
    if (page.length < Math.min(PAGE, size - seq + 1)) return { seq: seq + page.length, reason: 'the entry is missing' };
    await yieldToOthers();
  }
  if (head && toHex(rootOf(HASHER, frontier)) !== rootOfFrontier(size, head.frontier)) return { seq: size, reason: "the ledger's tree head does not match its entries: the head was altered" };
  return undefined;
}

const PAGE = 2000;

/**
 * The stored subtree that ends where the anchor's last full block ends, hashed again from its
 * entries: a chain resealed from an earlier entry, the tree left as it was, differs there.
 */
async function lastStoredSubtree(database: Database, size: number): Promise<Disagreement | undefined> {
  const span = 2 ** STORED_LEVEL;
  const blocks = Math.floor(size / span);
  if (blocks === 0) return undefined;
  const first = (blocks - 1) * span + 1;
  const entries = await readSpan(database, first, first + span - 1);
  const row = await database.db.selectFrom('ledger_tree').select('hash').where('level', '=', STORED_LEVEL).where('idx', '=', blocks - 1).executeTakeFirst();
  if (entries.length === span && row?.hash === toHex(treeHash(HASHER, entries.map((e) => leafDataOf(e.hash))))) return undefined;
  return { seq: first, reason: `one of entries ${first} to ${first + span - 1} is not as the last checkpoint signed it: an entry was altered and the chain resealed after it` };
}

/**
 * Entries that matter most (those that grant power) proved one by one against the anchor: each
 * hashes to what it says and is the leaf the signed root covers.
 */
export async function provedAgainst(database: Database, anchor: Checkpoint, entries: readonly LedgerEntry[]): Promise<Disagreement | undefined> {
  const root = fromHex(anchor.root) ?? new Uint8Array();
  for (const entry of entries) {
    if (entry.seq > anchor.size) continue;
    if (hashEntry(entry) !== entry.hash) return { seq: entry.seq, reason: 'its content does not match its hash: the entry was altered' };
    const path = (await inclusionPath(database.db, entry.seq, anchor.size)).map((h) => fromHex(h) ?? new Uint8Array());
    if (!verifyInclusion(HASHER, entry.seq - 1, anchor.size, leafHashOf(entry.hash), path, root)) return { seq: entry.seq, reason: `it is not the entry the checkpoint signed at ${anchor.signedAt} covers: it was altered` };
  }
  return undefined;
}
