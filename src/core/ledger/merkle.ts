/**
 * The ledger as a Merkle tree in the shape of RFC 9162 §2.1 (Certificate Transparency v2): leaves
 * are hashed with a 0x00 prefix and interior nodes with 0x01, a tree of n leaves splits at the
 * largest power of two below n, and proofs of inclusion and of consistency are the RFC's.
 *
 * The hash function is handed in, so that this file does no I/O and runs as it is in a browser or
 * in a member's own verifier. Only perfect subtrees (2^level leaves from index·2^level) are ever
 * stored: they never change once complete, and every hash a proof needs is made of them.
 */

export type Digest = Uint8Array;
export type HashFunction = (data: Uint8Array) => Digest;

export interface TreeHasher {
  /** MTH of the empty tree: the hash of the empty string. */
  readonly empty: () => Digest;
  readonly leaf: (data: Uint8Array) => Digest;
  readonly node: (left: Digest, right: Digest) => Digest;
}

export function treeHasher(hash: HashFunction): TreeHasher {
  return {
    empty: () => hash(new Uint8Array(0)),
    leaf: (data) => hash(prefixed(0x00, data)),
    node: (left, right) => hash(prefixed(0x01, left, right)),
  };
}

/** A perfect subtree: the leaves from index·2^level to (index+1)·2^level, exclusive. */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

export interface TreeNode extends NodeId {
  readonly hash: Digest;
}

/** Leaves from `start` to `end`, exclusive: one subtree of the RFC's recursion. */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/** The largest power of two smaller than n, for n ≥ 2: where the RFC splits a tree of n leaves. */
export function splitPoint(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`a tree of ${n} leaves cannot be split`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The perfect subtrees that make up a range, left to right and largest first. Defined for the
 * ranges of the RFC's recursion (their start is a multiple of the smallest power of two that holds
 * them), which are the only ones a root or a proof asks for.
 */
export function piecesOf(range: LeafRange): NodeId[] {
  const { start, end } = range;
  if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end) && 0 <= start && start < end)) throw new RangeError(`no leaves from ${start} to ${end}`);
  let span = 1;
  while (span < end - start) span *= 2;
  if (start % span !== 0) throw new RangeError(`leaves ${start} to ${end} are not a subtree of the tree`);
  const pieces: NodeId[] = [];
  let at = start;
  for (let level = Math.log2(span); at < end; level--) {
    const size = 2 ** level;
    if (at + size <= end) {
      pieces.push({ level, index: at / size });
      at += size;
    }
  }
  return pieces;
}

/** MTH of a range from the hashes of its pieces: the right-most pieces fold first. */
export function foldPieces(hasher: TreeHasher, hashes: readonly Digest[]): Digest {
  const last = hashes.at(-1);
  if (!last) return hasher.empty();
  let acc = last;
  for (let i = hashes.length - 2; i >= 0; i--) acc = hasher.node(hashes[i] as Digest, acc);
  return acc;
}

/** MTH of each range, from the stored perfect subtrees `nodeAt` returns. */
export function rangeHashes(hasher: TreeHasher, ranges: readonly LeafRange[], nodeAt: (id: NodeId) => Digest): Digest[] {
  return ranges.map((range) => foldPieces(hasher, piecesOf(range).map(nodeAt)));
}

/** MTH(D[0:n]) computed from the leaves' data: the definition, for tests and small trees. */
export function treeHash(hasher: TreeHasher, leaves: readonly Uint8Array[]): Digest {
  let frontier: TreeNode[] = [];
  leaves.forEach((leaf, index) => {
    frontier = extendFrontier(hasher, frontier, hasher.leaf(leaf), index).frontier;
  });
  return rootOf(hasher, frontier);
}

/**
 * The frontier of a tree: its perfect subtrees of decreasing size, one per set bit of the size.
 * It is all an append needs to know, and its fold is the tree's root.
 */
export function frontierIds(size: number): NodeId[] {
  const ids: NodeId[] = [];
  let at = 0;
  for (let level = 52; level >= 0; level--) {
    const span = 2 ** level;
    if (size - at >= span) {
      ids.push({ level, index: at / span });
      at += span;
    }
  }
  return ids;
}

export function rootOf(hasher: TreeHasher, frontier: readonly TreeNode[]): Digest {
  return foldPieces(hasher, frontier.map((n) => n.hash));
}

/**
 * Appends one leaf (its leaf hash) at `index`, the tree's size: returns the new frontier and the
 * perfect subtrees that came into being, the leaf's own included, which are all there is to store.
 */
export function extendFrontier(hasher: TreeHasher, frontier: readonly TreeNode[], leafHash: Digest, index: number): { frontier: TreeNode[]; created: TreeNode[] } {
  const next = [...frontier];
  let node: TreeNode = { level: 0, index, hash: leafHash };
  const created: TreeNode[] = [node];
  for (let left = next.at(-1); left && left.level === node.level; left = next.at(-1)) {
    next.pop();
    node = { level: node.level + 1, index: left.index / 2, hash: hasher.node(left.hash, node.hash) };
    created.push(node);
  }
  next.push(node);
  return { frontier: next, created };
}

/** The subtrees whose roots make PATH(index, D[size]) (RFC 9162 §2.1.3.1), bottom up. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  if (!(Number.isSafeInteger(index) && index >= 0 && index < size)) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const ranges: LeafRange[] = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = start + splitPoint(end - start);
    if (index < k) {
      ranges.push({ start: k, end });
      end = k;
    } else {
      ranges.push({ start, end: k });
      start = k;
    }
  }
  return ranges.reverse();
}

/** The subtrees whose roots make PROOF(first, D[size]) (RFC 9162 §2.1.4.1), bottom up. */
export function consistencyRanges(first: number, size: number): LeafRange[] {
  if (!(Number.isSafeInteger(first) && Number.isSafeInteger(size) && first >= 1 && first <= size)) throw new RangeError(`no consistency proof from ${first} to ${size} leaves`);
  const ranges: LeafRange[] = [];
  let m = first;
  let start = 0;
  let end = size;
  let complete = true;
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      ranges.push({ start, end: start + k });
      m -= k;
      start += k;
      complete = false;
    }
  }
  if (!complete) ranges.push({ start, end });
  return ranges.reverse();
}

/** RFC 9162 §2.1.3.2: whether `path` proves the leaf at `index` is in the tree of `size` with `root`. */
export function verifyInclusion(hasher: TreeHasher, index: number, size: number, leafHash: Digest, path: readonly Digest[], root: Digest): boolean {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) return false;
  let fn = BigInt(index);
  let sn = BigInt(size - 1);
  let r = leafHash;
  for (const p of path) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = hasher.node(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = hasher.node(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && equal(r, root);
}

/**
 * RFC 9162 §2.1.4.2: whether `proof` shows the tree of `second` leaves with `secondRoot` extends
 * the tree of `first` leaves with `firstRoot`. The empty tree is a prefix of every tree.
 */
export function verifyConsistency(hasher: TreeHasher, first: number, second: number, firstRoot: Digest, secondRoot: Digest, proof: readonly Digest[]): boolean {
  if (!(Number.isSafeInteger(first) && Number.isSafeInteger(second) && first >= 0 && first <= second)) return false;
  if (first === 0) return proof.length === 0 && equal(firstRoot, hasher.empty());
  if (first === second) return proof.length === 0 && equal(firstRoot, secondRoot);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = BigInt(first - 1);
  let sn = BigInt(second - 1);
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0] as Digest;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = hasher.node(c, fr);
      sr = hasher.node(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = hasher.node(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && equal(fr, firstRoot) && equal(sr, secondRoot);
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (BigInt(n) & BigInt(n - 1)) === 0n;
}

function prefixed(prefix: number, ...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(1 + parts.reduce((n, p) => n + p.length, 0));
  out[0] = prefix;
  let at = 1;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Undefined for anything but an even count of hexadecimal digits. */
export function fromHex(hex: string): Uint8Array | undefined {
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
