/**
 * The ledger's Merkle tree at a million entries: the size of an inclusion and of a consistency
 * proof, and the time to make and to check one, on the embedded database. The entries are
 * synthetic rows (a proof reads the stored subtrees and, below them, the entries' hashes), and
 * the tree is grown from them a batch at a time, as appends grow it.
 */
import { createHash } from 'node:crypto';
import { fromHex, verifyConsistency, verifyInclusion } from '../src/core/ledger/merkle.js';
import { consistencyPath, growTree, HASHER, inclusionPath, leafHashOf, rootAt } from '../src/ledger/tree.js';
import { insertTreeNodes } from '../src/store/ledger-writes.js';
import { openStore } from '../src/modules/composition.js';
import { sqlite } from '../test/support/stores.js';
import { median, type BenchRow } from './report.js';

const SIZE = 1_000_000;
const BATCH = 10_000;
const PROOFS = 200;

const entryHash = (i: number): string => createHash('sha256').update(`entry ${i}`).digest('hex');
const row = (seq: number, hash: string) => ({ seq, stream_id: `bench-${seq}`, stream_version: 1, type: 'BenchmarkEvent', data: '{}', valid_at: '2026-01-15', recorded_at: '2026-01-15T00:00:00Z', actor: 'bench', idempotency_key: null, reconstructed: 0, prev_hash: '', hash });
const bytes = (hex: string): Uint8Array => fromHex(hex) ?? new Uint8Array();

/** Milliseconds each run of `work` took. */
async function timedEach(n: number, work: (i: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await work(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

export async function benchProof(): Promise<BenchRow[]> {
  const { config, cleanup } = await sqlite.fresh();
  const database = await openStore(config);
  try {
    let frontier = '';
    const grow = process.hrtime.bigint();
    for (let size = 0; size < SIZE; size += BATCH) {
      const hashes = Array.from({ length: BATCH }, (_, i) => entryHash(size + i));
      const grown = growTree(size, frontier, hashes);
      await database.writeTransaction(async (trx) => {
        for (let i = 0; i < BATCH; i += 500) await trx.insertInto('ledger_entries').values(hashes.slice(i, i + 500).map((hash, j) => row(size + i + j + 1, hash))).execute();
        await insertTreeNodes(trx, grown.nodes);
      });
      frontier = grown.frontier;
    }
    const growSeconds = Number(process.hrtime.bigint() - grow) / 1e9;
    const root = await rootAt(database.db, SIZE);
    const half = SIZE / 2 + 12_345;
    const halfRoot = await rootAt(database.db, half);
    let inclusionBytes = 0;
    let consistencyBytes = 0;
    const make = await timedEach(PROOFS, async (i) => {
      const path = await inclusionPath(database.db, 1 + ((i * 7919) % SIZE), SIZE);
      inclusionBytes = path.length * 32;
    });
    const check = await timedEach(PROOFS, async (i) => {
      const seq = 1 + ((i * 7919) % SIZE);
      const path = await inclusionPath(database.db, seq, SIZE);
      if (!verifyInclusion(HASHER, seq - 1, SIZE, leafHashOf(entryHash(seq - 1)), path.map(bytes), bytes(root))) throw new Error(`entry ${seq} did not verify`);
    });
    const consistency = await timedEach(PROOFS, async () => {
      const path = await consistencyPath(database.db, half, SIZE);
      consistencyBytes = path.length * 32;
      if (!verifyConsistency(HASHER, half, SIZE, bytes(halfRoot), bytes(root), path.map(bytes))) throw new Error('consistency did not verify');
    });
    return [
      { group: 'proof', name: 'store 10⁶ entries with their tree', detail: `batches of ${BATCH}`, median: SIZE / growSeconds, unit: 'entries/s' },
      { group: 'proof', name: 'inclusion proof at 10⁶ entries: size', detail: 'hashes × 32 bytes', median: inclusionBytes, unit: 'bytes' },
      { group: 'proof', name: 'inclusion proof at 10⁶ entries: make', detail: `${PROOFS} entries`, median: median(make) * 1000, unit: 'µs' },
      { group: 'proof', name: 'inclusion proof at 10⁶ entries: make and check', detail: `${PROOFS} entries`, median: median(check) * 1000, unit: 'µs' },
      { group: 'proof', name: 'consistency proof 512,345 → 10⁶: size', detail: 'hashes × 32 bytes', median: consistencyBytes, unit: 'bytes' },
      { group: 'proof', name: 'consistency proof 512,345 → 10⁶: make and check', detail: `${PROOFS} times`, median: median(consistency) * 1000, unit: 'µs' },
    ];
  } finally {
    await database.close();
    await cleanup();
  }
}
