/**
 * The ledger on each engine: conflicts, concurrency, idempotency, tampering, export and import.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  appendToLedger,
  exportLines,
  importLines,
  readStream,
  replayProjections,
  verifyChain,
  type AppendOptions,
  type NewEvent,
} from '../src/ledger/index.js';
import type { Database } from '../src/store/database.js';
import { openStore, projectEntries, READ_MODELS, snapshotProjections } from '../src/modules/composition.js';
import { enginesToTest } from './support/stores.js';

const engines = await enginesToTest();

const by = (n = 0): AppendOptions => ({ actor: 'test', recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString() });
const event = (i: number): NewEvent => ({ type: 'NoteRegistered', validAt: '2026-01-01', data: { id: `n${i}`, sender: 'ARM', authority: 'MFA', reference: `${i}`, dated: '2026-01-01', kind: 'other', subject: `note ${i}` } });

describe.each(engines)('ledger on $name', (engine) => {
  const open: Database[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((d) => d.close()));
    await Promise.all(cleanups.splice(0).map((c) => c()));
  });
  async function fresh(): Promise<{ db: Database; again: () => Promise<Database> }> {
    const place = await engine.fresh();
    cleanups.push(place.cleanup);
    const again = async () => {
      const d = await openStore(place.config);
      open.push(d);
      return d;
    };
    return { db: await again(), again };
  }
  const append = (db: Database, streamId: string, expectedVersion: number | 'any', events: NewEvent[], options = by()) =>
    appendToLedger(db, [{ streamId, expectedVersion, events }], options, projectEntries);

  it('chains every entry to the one before, from a genesis hash, and verifies', async () => {
    const { db } = await fresh();
    expect((await append(db, 'note-a', 0, [event(1), event(2)])).ok).toBe(true);
    expect((await append(db, 'note-b', 0, [event(3)])).ok).toBe(true);
    const entries = [...(await readStream(db, 'note-a')), ...(await readStream(db, 'note-b'))];
    expect(entries.map((e) => [e.seq, e.streamVersion])).toEqual([[1, 1], [2, 2], [3, 1]]);
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
    expect(await verifyChain(db)).toMatchObject({ ok: true, count: 3 });
  });

  it('two writers on one stream: one wins, the other gets a conflict, no event is lost', async () => {
    const { db, again } = await fresh();
    await append(db, 'note-x', 0, [event(0)]);
    const second = await again();
    const [a, b] = await Promise.all([append(db, 'note-x', 1, [event(1)]), append(second, 'note-x', 1, [event(2)])]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: 'conflict', streamId: 'note-x', expected: 1, actual: 2 });
    const stream = await readStream(db, 'note-x');
    expect(stream).toHaveLength(2);
    const loser = results.findIndex((r) => !r.ok);
    const retried = await (loser === 0 ? append(db, 'note-x', 2, [event(1)]) : append(second, 'note-x', 2, [event(2)]));
    expect(retried.ok).toBe(true);
    expect(await readStream(db, 'note-x')).toHaveLength(3);
    expect(await verifyChain(db)).toMatchObject({ ok: true, count: 3 });
  });

  it('eight concurrent writers on different streams: the chain verifies and the sequence has no gap', async () => {
    const { db, again } = await fresh();
    const writers = [db, ...(await Promise.all(Array.from({ length: 7 }, () => again())))];
    await Promise.all(
      writers.map(async (w, i) => {
        for (let n = 0; n < 25; n++) {
          const r = await append(w, `note-writer-${i}`, n, [event(i * 100 + n)], by(n));
          expect(r.ok).toBe(true);
        }
      }),
    );
    const seqs = (await db.db.selectFrom('ledger_entries').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(await verifyChain(db)).toMatchObject({ ok: true, count: 200 });
  });

  it('the same command sent twice with one idempotency key records once and returns the first result', async () => {
    const { db } = await fresh();
    const first = await append(db, 'note-i', 0, [event(1)], { ...by(), idempotencyKey: 'k-1' });
    const again = await append(db, 'note-i', 0, [event(1)], { ...by(5), idempotencyKey: 'k-1' });
    expect(again).toMatchObject({ ok: true, replayed: true });
    expect(again.ok && first.ok && again.entries).toEqual(first.ok && first.entries);
    expect(await readStream(db, 'note-i')).toHaveLength(1);
    const different = await append(db, 'note-i', 1, [event(2)], { ...by(), idempotencyKey: 'k-1' });
    expect(different).toMatchObject({ ok: false, code: 'idempotency-key-reused' });
  });

  it('names the entry whose row was altered with SQL', async () => {
    const { db } = await fresh();
    for (let i = 1; i <= 6; i++) await append(db, `note-${i}`, 0, [event(i)]);
    const altered = JSON.stringify({ ...(event(4).data as object), subject: 'rewritten' });
    await sql`update ledger_entries set data = ${altered} where seq = 4`.execute(db.db);
    expect(await verifyChain(db)).toMatchObject({ ok: false, seq: 4, count: 3, reason: expect.stringContaining('does not match its hash') as string });
  });

  it('names the gap where an entry was deleted', async () => {
    const { db } = await fresh();
    for (let i = 1; i <= 4; i++) await append(db, `note-${i}`, 0, [event(i)]);
    await sql`delete from ledger_entries where seq = 2`.execute(db.db);
    expect(await verifyChain(db)).toMatchObject({ ok: false, seq: 3, reason: expect.stringContaining('missing') as string });
  });

  it('notices entries cut from the end of the chain', async () => {
    const { db } = await fresh();
    for (let i = 1; i <= 4; i++) await append(db, `note-${i}`, 0, [event(i)]);
    await sql`delete from ledger_entries where seq > 2`.execute(db.db);
    expect(await verifyChain(db)).toMatchObject({ ok: false, seq: 3, reason: expect.stringContaining('removed from the end') as string });
  });

  it('exports and imports with the chain intact; the imported read models equal the originals', async () => {
    const { db } = await fresh();
    for (let i = 1; i <= 5; i++) await append(db, `note-${i}`, 0, [event(i)], { ...by(), idempotencyKey: `k-${i}` });
    const lines: string[] = [];
    for await (const line of exportLines(db)) lines.push(line);
    const target = (await fresh()).db;
    expect(await importLines(target, lines, projectEntries)).toEqual({ ok: true, count: 5 });
    expect(await verifyChain(target)).toMatchObject({ ok: true, count: 5 });
    expect(await snapshotProjections(target.db)).toEqual(await snapshotProjections(db.db));
    const retried = await append(target, 'note-2', 0, [event(2)], { ...by(), idempotencyKey: 'k-2' });
    expect(retried).toMatchObject({ ok: true, replayed: true });
  });

  it('refuses an export edited by one byte or cut short, naming the line, and stores nothing', async () => {
    const { db } = await fresh();
    for (let i = 1; i <= 5; i++) await append(db, `note-${i}`, 0, [event(i)]);
    const lines: string[] = [];
    for await (const line of exportLines(db)) lines.push(line);
    const target = (await fresh()).db;
    const edited = [...lines];
    edited[3] = (edited[3] ?? '').replace('note 3', 'note 8');
    expect(await importLines(target, edited, projectEntries)).toMatchObject({ ok: false, line: 4 });
    expect(await importLines(target, lines.slice(0, 4), projectEntries)).toMatchObject({ ok: false, reason: expect.stringContaining('cut short') as string });
    const halfLine = [...lines.slice(0, 3), (lines[3] ?? '').slice(0, 40)];
    expect(await importLines(target, halfLine, projectEntries)).toMatchObject({ ok: false, line: 4 });
    const stored = await target.db.selectFrom('ledger_entries').select('seq').execute();
    expect(stored).toEqual([]);
  });

  it('replay rebuilds every read model identical to the live one', async () => {
    const { db } = await fresh();
    for (let i = 1; i <= 5; i++) await append(db, `note-${i}`, 0, [event(i)]);
    const before = await snapshotProjections(db.db);
    expect(await replayProjections(db, READ_MODELS)).toEqual({ entries: 5, differing: [] });
    expect(await snapshotProjections(db.db)).toEqual(before);
  });
});
