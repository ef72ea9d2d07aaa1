/**
 * Proof beyond the database, on each engine: an attacker who can rewrite the database (entries,
 * hashes, head and tree) or an export is caught by anyone holding an earlier signed checkpoint.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fromHex, verifyConsistency, verifyInclusion } from '../src/core/ledger/merkle.js';
import { readAnchor } from '../src/ledger/anchor.js';
import { issueCheckpoint, proveConsistency, proveInclusion } from '../src/ledger/checkpoints.js';
import { seal } from '../src/ledger/entry.js';
import { appendToLedger, exportLines, importLines, verifyChain, type LedgerEntry, type NewEvent } from '../src/ledger/index.js';
import { loadSigner, signatureHolds } from '../src/ledger/signing.js';
import { buildTree, HASHER, leafHashOf, rootOfFrontier } from '../src/ledger/tree.js';
import { openStore, projectEntries } from '../src/modules/composition.js';
import type { Database } from '../src/store/database.js';
import { checkAtStart } from '../src/app/integrity.js';
import { createAccount, registerOfficialNote, startConcord, type Concord } from '../src/app/index.js';
import { buildServer } from '../src/server/app.js';
import { enginesToTest } from './support/stores.js';
import { reseal, rewriteSubject } from './support/tamper.js';

const engines = await enginesToTest();
const note = (i: number): NewEvent => ({ type: 'NoteRegistered', validAt: '2026-01-01', data: { id: `n${i}`, sender: 'KAZ', authority: 'MFA', reference: `N/${i}`, dated: '2026-01-01', kind: 'other', subject: `note ${i}` } });
const bytes = (hex: string): Uint8Array => fromHex(hex) ?? new Uint8Array();

describe.each(engines)('signed checkpoints on $name', (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function ledgerOf(n: number): Promise<{ db: Database; keys: string; place: Awaited<ReturnType<typeof engine.fresh>> }> {
    const place = await engine.fresh();
    const keys = mkdtempSync(join(tmpdir(), 'concord-keys-'));
    const db = await openStore(place.config);
    cleanups.push(place.cleanup, () => { rmSync(keys, { recursive: true, force: true }); return Promise.resolve(); }, () => db.close());
    for (let i = 1; i <= n; i++) await appendToLedger(db, [{ streamId: `note-${i}`, expectedVersion: 0, events: [note(i)] }], { actor: 'test', recordedAt: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z` }, projectEntries);
    return { db, keys, place };
  }

  it('signs a checkpoint a member can check with the public key alone, kept beside the key as well', async () => {
    const { db, keys } = await ledgerOf(5);
    const signer = loadSigner(keys, true);
    const checkpoint = await issueCheckpoint(db, signer, '2026-01-02T00:00:00.000Z', keys);
    expect(checkpoint).toMatchObject({ size: 5, keyId: signer.keyId });
    expect(signatureHolds(signer.publicKey, checkpoint)).toBe(true);
    expect(signatureHolds(signer.publicKey, { ...checkpoint, size: 4 })).toBe(false);
    expect(readAnchor(keys, db)).toEqual(checkpoint);
    expect(await verifyChain(db, undefined, checkpoint)).toMatchObject({ ok: true, count: 5, root: checkpoint.root });
  });

  it('proves an entry included and a later ledger consistent, by the RFC 9162 algorithms', async () => {
    const { db, keys } = await ledgerOf(6);
    const signer = loadSigner(keys, true);
    const early = await issueCheckpoint(db, signer, '2026-01-02T00:00:00.000Z', keys);
    for (let i = 7; i <= 13; i++) await appendToLedger(db, [{ streamId: `note-${i}`, expectedVersion: 0, events: [note(i)] }], { actor: 'test', recordedAt: '2026-01-03T00:00:00Z' }, projectEntries);
    const proof = await proveInclusion(db, signer, 4, '2026-01-04T00:00:00.000Z', keys);
    expect(proof).toBeDefined();
    if (!proof) return;
    expect(proof.checkpoint.size).toBe(13);
    expect(verifyInclusion(HASHER, 3, 13, leafHashOf(proof.entryHash), proof.path.map(bytes), bytes(proof.checkpoint.root))).toBe(true);
    const answer = await proveConsistency(db, signer, early, '2026-01-04T00:00:00.000Z', keys);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(verifyConsistency(HASHER, 6, 13, bytes(early.root), bytes(answer.proof.to.root), answer.proof.path.map(bytes))).toBe(true);
    expect(await proveConsistency(db, signer, { ...early, root: answer.proof.to.root }, '2026-01-04T00:00:00.000Z', keys)).toMatchObject({ ok: false, code: 'not-signed' });
  });

  it('an entry edited and the whole chain resealed, tree and all, is caught against an earlier checkpoint', async () => {
    const { db, keys } = await ledgerOf(8);
    const checkpoint = await issueCheckpoint(db, loadSigner(keys, true), '2026-01-02T00:00:00.000Z', keys);
    await reseal(db, 3, rewriteSubject, true);
    // The database alone cannot tell: the chain and its tree agree with each other again.
    expect(await verifyChain(db)).toMatchObject({ ok: true });
    expect(await verifyChain(db, undefined, checkpoint)).toMatchObject({ ok: false, reason: expect.stringContaining('rewritten') as string });
    expect(await proveConsistency(db, loadSigner(keys, true), checkpoint, '2026-01-03T00:00:00.000Z', keys)).toMatchObject({ ok: false, code: 'inconsistent' });
  });

  it('an entry resealed without rebuilding the tree is found, and the stored subtree that holds it named', async () => {
    const { db, keys } = await ledgerOf(40);
    const checkpoint = await issueCheckpoint(db, loadSigner(keys, true), '2026-01-02T00:00:00.000Z', keys);
    await reseal(db, 20, rewriteSubject, false);
    expect(await verifyChain(db)).toMatchObject({ ok: false, seq: 17, reason: expect.stringContaining('one of entries 17 to 32') as string });
    expect(await verifyChain(db, undefined, checkpoint)).toMatchObject({ ok: false, seq: 17, reason: expect.stringContaining('one of entries 17 to 32') as string });
  });

  it('a subtree of the tree altered is found by verify, and no proof is made from it', async () => {
    const { db, keys } = await ledgerOf(40);
    await db.db.updateTable('ledger_tree').set({ hash: 'f'.repeat(64) }).where('level', '=', 4).where('idx', '=', 0).execute();
    expect(await verifyChain(db)).toMatchObject({ ok: false, seq: 1, reason: expect.stringContaining('one of entries 1 to 16') as string });
    await expect(proveInclusion(db, loadSigner(keys, true), 20, '2026-01-03T00:00:00.000Z', keys)).rejects.toThrow('does not prove this entry');
  });

  it('a checkpoint row inserted into the database with a forged signature is never handed out', async () => {
    const { db, keys } = await ledgerOf(5);
    const signer = loadSigner(keys, true);
    const real = await issueCheckpoint(db, signer, '2026-01-02T00:00:00.000Z', keys);
    await appendToLedger(db, [{ streamId: 'note-6', expectedVersion: 0, events: [note(6)] }], { actor: 'test', recordedAt: '2026-01-03T00:00:00Z' }, projectEntries);
    const head = await db.db.selectFrom('ledger_head').select(['seq', 'frontier']).executeTakeFirstOrThrow();
    const forged = { ...real, size: 6, root: rootOfFrontier(6, head.frontier), signedAt: '2026-01-04T00:00:00.000Z' };
    await db.db.insertInto('ledger_checkpoints').values({ size: 6, root: forged.root, signed_at: forged.signedAt, key_id: forged.keyId, signature: real.signature }).execute();
    const proof = await proveInclusion(db, signer, 6, '2026-01-05T00:00:00.000Z', keys);
    expect(proof && signatureHolds(signer.publicKey, proof.checkpoint)).toBe(true);
  });

  it('signs nothing once the database no longer extends the last checkpoint signed', async () => {
    const { db, keys } = await ledgerOf(8);
    const signer = loadSigner(keys, true);
    await issueCheckpoint(db, signer, '2026-01-02T00:00:00.000Z', keys);
    await reseal(db, 3, rewriteSubject, true);
    await expect(issueCheckpoint(db, signer, '2026-01-03T00:00:00.000Z', keys)).rejects.toThrow(/entry 8: .*rewritten/);
  });

  it('a row deleted from the end and the head moved back is caught', async () => {
    const { db, keys } = await ledgerOf(8);
    const checkpoint = await issueCheckpoint(db, loadSigner(keys, true), '2026-01-02T00:00:00.000Z', keys);
    const seventh = await db.db.selectFrom('ledger_entries').select('hash').where('seq', '=', 7).executeTakeFirstOrThrow();
    await db.db.deleteFrom('ledger_entries').where('seq', '=', 8).execute();
    await db.db.updateTable('ledger_head').set({ seq: 7, hash: seventh.hash }).where('id', '=', 1).execute();
    await db.db.deleteFrom('ledger_tree').execute();
    await buildTree(db.db);
    expect(await verifyChain(db)).toMatchObject({ ok: true, count: 7 });
    expect(await verifyChain(db, undefined, checkpoint)).toMatchObject({ ok: false, seq: 8, reason: expect.stringContaining('entries were removed') as string });
  });

  it('an export edited and resealed imports cleanly but fails against the checkpoint', async () => {
    const { db, keys } = await ledgerOf(6);
    const checkpoint = await issueCheckpoint(db, loadSigner(keys, true), '2026-01-02T00:00:00.000Z', keys);
    const lines: string[] = [];
    for await (const line of exportLines(db)) lines.push(line);
    // The attacker rewrites entry 2 of the file and reseals every line after it, closing line too.
    let prev = '';
    const forged = lines.map((line, i) => {
      const value = JSON.parse(line) as LedgerEntry & { end?: string; headHash?: string };
      if (i === 0) return line;
      if (value.end) return JSON.stringify({ ...value, headHash: prev });
      if (value.seq < 2) {
        prev = value.hash;
        return line;
      }
      const changed = value.seq === 2 ? rewriteSubject(value) : value;
      const sealed = seal({ ...changed, prevHash: prev || changed.prevHash });
      prev = sealed.hash;
      return JSON.stringify(sealed);
    });
    const target = await engine.fresh();
    const other = await openStore(target.config);
    cleanups.push(target.cleanup, () => other.close());
    expect(await importLines(other, forged, projectEntries)).toMatchObject({ ok: true, count: 6 });
    expect(await verifyChain(other)).toMatchObject({ ok: true });
    expect(await verifyChain(other, undefined, checkpoint)).toMatchObject({ ok: false, reason: expect.stringContaining('rewritten') as string });
  });
});

describe.each(engines)('the server on $name checks before it serves', (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function concordWithAnchor(): Promise<Concord> {
    const place = await engine.fresh();
    const keys = mkdtempSync(join(tmpdir(), 'concord-keys-'));
    const concord = await startConcord({ store: place.config, keys });
    cleanups.push(place.cleanup, () => { rmSync(keys, { recursive: true, force: true }); return Promise.resolve(); }, () => concord.close());
    await registerOfficialNote(concord, { sender: 'KAZ', authority: 'MFA', reference: 'N/1', dated: concord.today(), kind: 'other', subject: 'one' }, { actor: 'test' });
    // A first start signs where it checked: the anchor the next start verifies from.
    await (await checkAtStart(concord)).background;
    return concord;
  }

  async function served(concord: Concord): Promise<{ ready: Response; health: number; registry: number }> {
    const { integrity, background } = await checkAtStart(concord);
    await background;
    const server = await buildServer(concord, { integrity });
    cleanups.push(() => server.close());
    const ask = (url: string) => server.inject({ method: 'GET', url });
    const ready = await ask('/api/ready');
    return { ready: new Response(ready.body, { status: ready.statusCode }), health: (await ask('/api/health')).statusCode, registry: (await ask('/api/registry')).statusCode };
  }

  it('serves a ledger that only grew since its anchor', async () => {
    const concord = await concordWithAnchor();
    await registerOfficialNote(concord, { sender: 'KAZ', authority: 'MFA', reference: 'N/2', dated: concord.today(), kind: 'other', subject: 'two' }, { actor: 'test' });
    const answers = await served(concord);
    expect(answers.ready.status).toBe(200);
    expect(answers.health).toBe(200);
  });

  it('refuses to serve when an entry was resealed behind its back, naming the entry', async () => {
    const concord = await concordWithAnchor();
    const seq = (await concord.database.db.selectFrom('ledger_entries').select('seq').where('type', '=', 'NoteRegistered').executeTakeFirstOrThrow()).seq;
    await reseal(concord.database, seq, rewriteSubject, true);
    const answers = await served(concord);
    expect(answers.ready.status).toBe(503);
    expect(((await answers.ready.json()) as { reason: string }).reason).toMatch(/entry \d+: .*rewritten/);
    expect([answers.health, answers.registry]).toEqual([503, 503]);
  });

  it('refuses to serve when an early entry was resealed and the tree left as it was', async () => {
    const concord = await concordWithAnchor();
    await reseal(concord.database, 2, (e) => ({ ...e, validAt: '1990-01-01' }), false);
    const answers = await served(concord);
    expect(answers.ready.status).toBe(503);
    expect(((await answers.ready.json()) as { reason: string }).reason).toMatch(/entr(y|ies) \d+/);
  });

  it('refuses to serve when a role was changed in the accounts table', async () => {
    const concord = await concordWithAnchor();
    await createAccount(concord, { username: 'reader', role: 'analyst', password: 'a sufficiently long passphrase 1' }, { actor: 'test' });
    await concord.database.db.updateTable('accounts').set({ role: 'admin' }).where('username', '=', 'reader').execute();
    const answers = await served(concord);
    expect(answers.ready.status).toBe(503);
    expect(((await answers.ready.json()) as { reason: string }).reason).toContain('accounts');
  });
});
