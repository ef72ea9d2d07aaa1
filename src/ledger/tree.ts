/**
 * The ledger's Merkle tree in the database: every perfect subtree in `ledger_tree`, written once
 * when it completes, and the frontier in the head row, so an append computes its new nodes from
 * the head alone (O(log n)) and a proof reads O(log n) nodes.
 */
import { HASHER } from './hasher.js';
import type { Kysely } from 'kysely';
import {
  consistencyRanges,
  extendFrontier,
  frontierIds,
  inclusionRanges,
  piecesOf,
  rangeHashes,
  rootOf,
  treeHash,
  toHex,
  type Digest,
  type LeafRange,
  type NodeId,
  type TreeNode,
} from '../core/ledger/merkle.js';
import { insertTreeNodes } from '../store/ledger-writes.js';
import type { LedgerTreeRow, Tables } from '../store/schema.js';

export { HASHER } from './hasher.js';

/** A leaf's data is the entry's hash: its 32 bytes. */
export function leafDataOf(entryHash: string): Uint8Array {
  const bytes = hexBytes(entryHash);
  if (bytes?.length !== 32) throw new Error(`"${entryHash}" is not an entry hash (64 hexadecimal digits)`);
  return bytes;
}

/** The leaf: the entry's hash, hashed with the RFC's leaf prefix. */
export function leafHashOf(entryHash: string): Digest {
  return HASHER.leaf(leafDataOf(entryHash));
}

export function parseFrontier(size: number, text: string): TreeNode[] {
  const ids = frontierIds(size);
  const hashes = text === '' ? [] : text.split(' ');
  const frontier = ids.map((id, i) => ({ ...id, hash: hexBytes(hashes[i] ?? '') }));
  if (hashes.length !== ids.length || frontier.some((n) => n.hash?.length !== 32)) {
    throw new Error(`the ledger's tree head does not fit a tree of ${size} entries: the database was altered or damaged`);
  }
  return frontier as TreeNode[];
}

function formatFrontier(frontier: readonly TreeNode[]): string {
  return frontier.map((n) => hex(n.hash)).join(' ');
}

// Node's own hexadecimal codec: an append turns a frontier of up to 50 hashes to and from text.
const HEX = /^[0-9a-f]*$/;

function hexBytes(text: string): Uint8Array | undefined {
  return text.length % 2 === 0 && HEX.test(text) ? Buffer.from(text, 'hex') : undefined;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/**
 * Subtrees of fewer than 2^STORED_LEVEL entries are not stored: they are hashed again from the
 * entries' own hashes when a proof needs one (a few dozen entries at most, as Certificate
 * Transparency's tiles do), so that fifteen appends in sixteen write no tree row at all.
 */
export const STORED_LEVEL = 4;

/** Adds the entries' leaves to a tree of `size`: the new frontier and the subtrees to store. */
export function growTree(size: number, frontierText: string, entryHashes: readonly string[]): { frontier: string; nodes: LedgerTreeRow[] } {
  let frontier = parseFrontier(size, frontierText);
  const nodes: LedgerTreeRow[] = [];
  entryHashes.forEach((hash, i) => {
    const grown = extendFrontier(HASHER, frontier, leafHashOf(hash), size + i);
    frontier = grown.frontier;
    for (const node of grown.created) if (node.level >= STORED_LEVEL) nodes.push({ level: node.level, idx: node.index, hash: hex(node.hash) });
  });
  return { frontier: formatFrontier(frontier), nodes };
}

export function rootOfFrontier(size: number, frontierText: string): string {
  return toHex(rootOf(HASHER, parseFrontier(size, frontierText)));
}

/** The hashes of perfect subtrees: the stored ones read, the small ones hashed from their entries. */
export async function subtreeHashes(via: Kysely<Tables>, ids: readonly NodeId[]): Promise<(id: NodeId) => Digest> {
  const found = new Map<string, Digest>();
  const stored = ids.filter((id) => id.level >= STORED_LEVEL);
  for (let i = 0; i < stored.length; i += 100) {
    const chunk = stored.slice(i, i + 100);
    const rows = await via
      .selectFrom('ledger_tree')
      .select(['level', 'idx', 'hash'])
      .where((eb) => eb.or(chunk.map((id) => eb.and([eb('level', '=', id.level), eb('idx', '=', id.index)]))))
      .execute();
    for (const row of rows) {
      const hash = hexBytes(row.hash);
      if (hash) found.set(key(row.level, row.idx), hash);
    }
  }
  for (const id of ids.filter((n) => n.level < STORED_LEVEL)) {
    const first = id.index * 2 ** id.level + 1;
    const rows = await via.selectFrom('ledger_entries').select(['seq', 'hash']).where('seq', '>=', first).where('seq', '<', first + 2 ** id.level).orderBy('seq').execute();
    if (rows.length === 2 ** id.level && rows.every((r, i) => r.seq === first + i && hexBytes(r.hash)?.length === 32)) found.set(key(id.level, id.index), treeHash(HASHER, rows.map((r) => leafDataOf(r.hash))));
  }
  return (id) => {
    const hash = found.get(key(id.level, id.index));
    if (hash?.length !== 32) throw new Error(`the ledger's tree lacks the subtree of ${2 ** id.level} entries from entry ${id.index * 2 ** id.level + 1}: the database was altered or damaged`);
    return hash;
  };
}

async function hashRanges(via: Kysely<Tables>, ranges: readonly LeafRange[]): Promise<string[]> {
  const nodeAt = await subtreeHashes(via, ranges.flatMap((range) => piecesOf(range)));
  return rangeHashes(HASHER, ranges, nodeAt).map(toHex);
}

function key(level: number, index: number): string {
  return `${level}/${index}`;
}

/** The frontier of the first `size` entries, from what the database keeps. */
export async function frontierAt(via: Kysely<Tables>, size: number): Promise<TreeNode[]> {
  const ids = frontierIds(size);
  const nodeAt = await subtreeHashes(via, ids);
  return ids.map((id) => ({ ...id, hash: nodeAt(id) }));
}

/** The root of the first `size` entries. */
export async function rootAt(via: Kysely<Tables>, size: number): Promise<string> {
  return toHex(rootOf(HASHER, await frontierAt(via, size)));
}

/** PATH of the entry `seq` in the tree of `size` entries (RFC 9162 §2.1.3.1). */
export async function inclusionPath(via: Kysely<Tables>, seq: number, size: number): Promise<string[]> {
  return hashRanges(via, inclusionRanges(seq - 1, size));
}

/** PROOF from the tree of `first` entries to that of `size` entries (RFC 9162 §2.1.4.1). */
export async function consistencyPath(via: Kysely<Tables>, first: number, size: number): Promise<string[]> {
  if (first === 0 || first === size) return [];
  return hashRanges(via, consistencyRanges(first, size));
}

/** Builds the tree of the entries a database holds, for a ledger recorded before it had one. */
export async function buildTree(db: Kysely<Tables>): Promise<void> {
  let size = 0;
  let frontier = '';
  for (;;) {
    const rows = await db.selectFrom('ledger_entries').select(['seq', 'hash']).where('seq', '>', size).orderBy('seq').limit(5000).execute();
    if (rows.length === 0) break;
    const grown = growTree(size, frontier, rows.map((r) => r.hash));
    await insertTreeNodes(db, grown.nodes);
    size += rows.length;
    frontier = grown.frontier;
  }
  await db.updateTable('ledger_head').set({ frontier }).where('id', '=', 1).execute();
}
