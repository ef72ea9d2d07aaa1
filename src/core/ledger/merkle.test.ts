import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyRanges,
  extendFrontier,
  fromHex,
  inclusionRanges,
  rangeHashes,
  rootOf,
  toHex,
  treeHash,
  treeHasher,
  verifyConsistency,
  verifyInclusion,
  type Digest,
  type NodeId,
  type TreeNode,
} from './merkle.js';

const hasher = treeHasher((data) => new Uint8Array(createHash('sha256').update(data).digest()));

// The Certificate Transparency reference data (RFC 6962 / RFC 9162 §2.1): eight leaves and the tree
// heads of each prefix, the paths and the consistency proofs every implementation reproduces.
const DATA = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(bytes);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION: [number, number, string[]][] = [
  [0, 1, []],
  [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
];
const CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [6, 8, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
];

function bytes(hex: string): Uint8Array {
  const out = fromHex(hex);
  if (!out) throw new Error(`not hex: ${hex}`);
  return out;
}

/** A tree grown leaf by leaf the way the ledger grows it, keeping every perfect subtree. */
function grow(leaves: readonly Uint8Array[]): { nodeAt: (id: NodeId) => Digest; roots: Digest[]; leafHashes: Digest[] } {
  const stored = new Map<string, Digest>();
  let frontier: TreeNode[] = [];
  const roots = [hasher.empty()];
  const leafHashes = leaves.map((leaf) => hasher.leaf(leaf));
  leafHashes.forEach((leafHash, index) => {
    const next = extendFrontier(hasher, frontier, leafHash, index);
    for (const node of next.created) stored.set(`${node.level}/${node.index}`, node.hash);
    frontier = next.frontier;
    roots.push(rootOf(hasher, frontier));
  });
  const nodeAt = (id: NodeId): Digest => {
    const hash = stored.get(`${id.level}/${id.index}`);
    if (!hash) throw new Error(`node ${id.level}/${id.index} was never stored`);
    return hash;
  };
  return { nodeAt, roots, leafHashes };
}

describe('the Merkle tree of RFC 9162', () => {
  const tree = grow(DATA);

  it('reproduces the published tree head of every prefix, by definition and as grown', () => {
    ROOTS.forEach((root, n) => {
      expect(toHex(treeHash(hasher, DATA.slice(0, n))), `size ${n}`).toBe(root);
      expect(toHex(tree.roots[n] as Digest), `grown to ${n}`).toBe(root);
    });
  });

  it.each(INCLUSION)('reproduces the published path of leaf %i in a tree of %i', (index, size, path) => {
    const proof = rangeHashes(hasher, inclusionRanges(index, size), tree.nodeAt);
    expect(proof.map(toHex)).toEqual(path);
    expect(verifyInclusion(hasher, index, size, tree.leafHashes[index] as Digest, proof, tree.roots[size] as Digest)).toBe(true);
  });

  it.each(CONSISTENCY)('reproduces the published consistency proof from %i to %i leaves', (first, size, path) => {
    const proof = rangeHashes(hasher, consistencyRanges(first, size), tree.nodeAt);
    expect(proof.map(toHex)).toEqual(path);
    expect(verifyConsistency(hasher, first, size, tree.roots[first] as Digest, tree.roots[size] as Digest, proof)).toBe(true);
  });

  it('refuses a proof for another leaf, another root, or one cut short', () => {
    const proof = rangeHashes(hasher, inclusionRanges(5, 8), tree.nodeAt);
    const root = tree.roots[8] as Digest;
    expect(verifyInclusion(hasher, 4, 8, tree.leafHashes[5] as Digest, proof, root)).toBe(false);
    expect(verifyInclusion(hasher, 5, 8, tree.leafHashes[4] as Digest, proof, root)).toBe(false);
    expect(verifyInclusion(hasher, 5, 8, tree.leafHashes[5] as Digest, proof.slice(0, -1), root)).toBe(false);
    expect(verifyInclusion(hasher, 8, 8, tree.leafHashes[5] as Digest, proof, root)).toBe(false);
    const consistency = rangeHashes(hasher, consistencyRanges(6, 8), tree.nodeAt);
    expect(verifyConsistency(hasher, 6, 8, root, root, consistency)).toBe(false);
    expect(verifyConsistency(hasher, 8, 6, root, tree.roots[6] as Digest, [])).toBe(false);
    expect(verifyConsistency(hasher, 0, 8, hasher.empty(), root, [])).toBe(true);
  });
});

const leafData = fc.uint8Array({ minLength: 0, maxLength: 8 });

describe('proofs hold for every shape of tree', () => {
  it('every prefix checkpoint is consistent with every extension of it', () => {
    fc.assert(
      fc.property(fc.array(leafData, { minLength: 1, maxLength: 70 }), fc.nat(), (leaves, pick) => {
        const tree = grow(leaves);
        const second = leaves.length;
        const first = 1 + (pick % second);
        const proof = rangeHashes(hasher, consistencyRanges(first, second), tree.nodeAt);
        return verifyConsistency(hasher, first, second, tree.roots[first] as Digest, tree.roots[second] as Digest, proof);
      }),
    );
  });

  it('no other history is consistent with a checkpoint: changing any earlier leaf breaks the proof', () => {
    fc.assert(
      fc.property(fc.array(leafData, { minLength: 2, maxLength: 70 }), fc.nat(), fc.nat(), (leaves, a, b) => {
        const first = 1 + (a % (leaves.length - 1));
        const changed = b % first;
        const honest = grow(leaves);
        const other = leaves.map((leaf, i) => (i === changed ? Uint8Array.from([...leaf, 0xff]) : leaf));
        const forged = grow(other);
        const proof = rangeHashes(hasher, consistencyRanges(first, leaves.length), forged.nodeAt);
        return !verifyConsistency(hasher, first, leaves.length, honest.roots[first] as Digest, forged.roots[leaves.length] as Digest, proof);
      }),
    );
  });

  it('every leaf is proved included, and only at its own index', () => {
    fc.assert(
      fc.property(fc.array(leafData, { minLength: 1, maxLength: 70 }), fc.nat(), (data, pick) => {
        // Leaves differ from each other, as entries' hashes do.
        const leaves = data.map((leaf, i) => Uint8Array.from([i, ...leaf]));
        const tree = grow(leaves);
        const size = leaves.length;
        const index = pick % size;
        const proof = rangeHashes(hasher, inclusionRanges(index, size), tree.nodeAt);
        const root = tree.roots[size] as Digest;
        const ok = verifyInclusion(hasher, index, size, tree.leafHashes[index] as Digest, proof, root);
        const elsewhere = size > 1 && verifyInclusion(hasher, (index + 1) % size, size, tree.leafHashes[index] as Digest, proof, root);
        return ok && !elsewhere;
      }),
    );
  });
});
