/**
 * The registry on each engine: the CSTO's documented history, bitemporal questions, official
 * notes against public statements, and the timer that closes a notice period across a restart.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  desk,
  partyRecordAt,
  recordPosition,
  recordPublicStatement,
  registerOfficialNote,
  registryAt,
  scheduleTimers,
  startConcord,
  type Clock,
  type Concord,
} from '../src/app/index.js';
import { replayProjections, verifyChain } from '../src/ledger/index.js';
import { proposeMeasure } from '../src/modules/applications/handlers.js';
import { READ_MODELS } from '../src/modules/composition.js';
import type { StoreConfig } from '../src/store/database.js';
import { enginesToTest } from './support/stores.js';

const engines = await enginesToTest();
const at = (iso: string): Clock => ({ now: () => new Date(iso) });
const clerk = { actor: 'officer:test' };
const CSTO = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];

/** The Council suspends a member: the measure proposed, the decision circulated, every member's assent, the close. */
async function suspendByCouncil(c: Concord, state: string): Promise<string> {
  const officer = desk.systemPrincipal('officer:test');
  const proposed = await proposeMeasure(c, officer, { state, change: 'suspend', role: 'member' });
  if (!proposed.ok) throw new Error(proposed.refusal.message);
  const { decisionId } = proposed.value;
  const circulated = await desk.circulate(c, officer, decisionId, { procedure: 'written', deadline: new Date(c.clock.now().getTime() + 86_400_000).toISOString() });
  if (!circulated.ok) throw new Error(circulated.refusal.message);
  for (const member of CSTO) await recordPosition(c, decisionId, { state: member, position: 'yes', document: { kind: 'delegate-entry', by: `delegate-${member}` } }, clerk);
  const closed = await desk.close(c, officer, decisionId);
  if (!closed.ok) throw new Error(closed.refusal.message);
  return decisionId;
}

describe.each(engines)('registry on $name', (engine) => {
  const open: Concord[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    await Promise.all(cleanups.splice(0).map((c) => c()));
  });
  async function place(): Promise<StoreConfig> {
    const p = await engine.fresh();
    cleanups.push(p.cleanup);
    return p.config;
  }
  async function start(config: StoreConfig, now = '2026-11-28T10:00:00Z', framework?: string): Promise<Concord> {
    const c = await startConcord({ store: config, clock: at(now), framework });
    open.push(c);
    return c;
  }
  async function stop(c: Concord): Promise<void> {
    open.splice(open.indexOf(c), 1);
    await c.close();
  }

  it('Armenia on 28 March 2024: a member, not participating, with no official notice of suspension or withdrawal on record', async () => {
    const c = await start(await place());
    const record = await partyRecordAt(c, 'ARM', { asOf: '2024-03-28', knownAt: '2024-03-28' });
    expect(record.standing).toMatchObject({ status: 'member', participation: { participating: false, since: '2023-11-22' } });
    // The record is written in both working languages.
    expect(record.standing?.act).toBe('Signed the Collective Security Treaty at Tashkent / Подписание Договора о коллективной безопасности в Ташкенте');
    expect(record.standing?.participation?.basis).toMatch(/^Did not attend .* \/ Не участвовала в совместном заседании/);
    expect(record.notes).toEqual([]);
  });

  it('takes a note dated today where its sender is, and refuses one dated after today in every time zone', async () => {
    // 22:00 UTC on 28 November is already 29 November in Astana and in Dushanbe.
    const c = await start(await place(), '2026-11-28T22:00:00Z');
    const note = (dated: string) => registerOfficialNote(c, { sender: 'KAZ', authority: 'MFA', reference: `K/${dated}`, dated, kind: 'other', subject: 'A note' }, { actor: 'test' });
    expect((await note('2026-11-29')).ok).toBe(true);
    expect(await note('2026-11-30')).toMatchObject({ ok: false, refusal: { field: 'dated', message: expect.stringContaining('in the future') as string } });
  });

  it('Uzbekistan on 1 January 2013: suspended by the decision of 19 December 2012', async () => {
    const c = await start(await place());
    const record = await partyRecordAt(c, 'UZB', { asOf: '2013-01-01', knownAt: '2013-01-01' });
    expect(record.standing).toMatchObject({ status: 'suspended', since: '2012-12-19', cites: ['csc-decision-2012-12-19:1', 'charter:20'] });
    expect((await partyRecordAt(c, 'UZB', { asOf: '2007-01-01', knownAt: '2013-01-01' })).standing).toMatchObject({ status: 'member', since: '2006-08-16' });
  });

  it('loads the pack history once, as a reconstruction, and the chain verifies', async () => {
    const config = await place();
    const first = await start(config);
    const count = (await verifyChain(first.database)).count;
    await stop(first);
    const second = await start(config);
    expect(await verifyChain(second.database)).toMatchObject({ ok: true, count });
    const reconstructed = await second.database.db.selectFrom('ledger_entries').select('reconstructed').execute();
    expect(reconstructed.every((r) => r.reconstructed === 1)).toBe(true);
  });

  it('refuses to open a database set up for another framework', async () => {
    const config = await place();
    await stop(await start(config));
    await expect(startConcord({ store: config, framework: 'nato' })).rejects.toThrow(/holds the "csto" framework/);
  });

  it('a withdrawal notice on day D gives "withdrawal pending" until D + six months, then "withdrawn" by timer, across a restart', async () => {
    const config = await place();
    const c = await start(config, '2026-06-01T09:00:00Z');
    const note = await registerOfficialNote(c, { sender: 'ARM', authority: 'Ministry of Foreign Affairs', reference: '12/345', dated: '2026-06-01', kind: 'withdrawal-notice', subject: 'Withdrawal under Art. 19' }, clerk);
    expect(note.ok).toBe(true);
    expect((await partyRecordAt(c, 'ARM', { asOf: '2026-06-01', knownAt: '2026-06-01' })).standing).toMatchObject({ status: 'withdrawal-pending' });
    expect((await partyRecordAt(c, 'ARM', { asOf: '2026-05-31', knownAt: '2026-06-01' })).standing).toMatchObject({ status: 'member' });
    await stop(c);

    const before = await start(config, '2026-11-30T23:00:00Z');
    expect((await partyRecordAt(before, 'ARM', { asOf: '2026-11-30', knownAt: '2026-11-30' })).standing).toMatchObject({ status: 'withdrawal-pending' });
    await stop(before);

    const after = await start(config, '2026-12-03T08:00:00Z');
    const record = await partyRecordAt(after, 'ARM', { asOf: '2026-12-03', knownAt: '2026-12-03' });
    expect(record.standing).toMatchObject({ status: 'withdrawn', since: '2026-12-01', cites: ['charter:19'] });
    const timerEntry = await after.database.db.selectFrom('ledger_entries').selectAll().where('actor', '=', 'concord:timer').execute();
    expect(timerEntry).toHaveLength(1);
    expect(await replayProjections(after.database, READ_MODELS)).toMatchObject({ differing: [] });
    await stop(after);
    const again = await start(config, '2026-12-04T08:00:00Z');
    expect(await again.database.db.selectFrom('ledger_entries').selectAll().where('actor', '=', 'concord:timer').execute()).toHaveLength(1);
  });

  it('a running scheduler closes a notice period when its day comes, without a restart', async () => {
    let now = new Date('2026-06-01T09:00:00Z');
    const c = await startConcord({ store: await place(), clock: { now: () => now } });
    open.push(c);
    await registerOfficialNote(c, { sender: 'TJK', authority: 'MFA', reference: '5', dated: '2026-06-01', kind: 'withdrawal-notice', subject: 'Withdrawal' }, clerk);
    const scheduler = scheduleTimers(c, { intervalMs: 20 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect((await partyRecordAt(c, 'TJK', { asOf: '2026-06-02', knownAt: '2026-06-02' })).standing).toMatchObject({ status: 'withdrawal-pending' });
      now = new Date('2026-12-01T00:00:01Z');
      await expect.poll(async () => (await partyRecordAt(c, 'TJK', { asOf: '2026-12-01', knownAt: '2026-12-01' })).standing?.status, { timeout: 2000, interval: 20 }).toBe('withdrawn');
    } finally {
      await scheduler.stop();
    }
  });

  it('a suspension does not stop a notice of withdrawal from running; no timer refusal is recorded meanwhile', async () => {
    const config = await place();
    const c = await start(config, '2026-06-01T09:00:00Z');
    await registerOfficialNote(c, { sender: 'KGZ', authority: 'MFA', reference: '9', dated: '2026-06-01', kind: 'withdrawal-notice', subject: 'Withdrawal' }, clerk);
    await suspendByCouncil(c, 'KGZ');
    expect((await partyRecordAt(c, 'KGZ', { asOf: '2026-06-01', knownAt: '2026-06-01' })).standing).toMatchObject({ status: 'suspended' });
    await stop(c);
    const later = await start(config, '2026-12-02T09:00:00Z');
    expect((await partyRecordAt(later, 'KGZ', { asOf: '2026-12-02', knownAt: '2026-12-02' })).standing).toMatchObject({ status: 'withdrawn', since: '2026-12-01' });
    expect(await later.database.db.selectFrom('ledger_entries').select('seq').where('stream_id', '=', 'refusals').execute()).toEqual([]);
  });

  it('as known on a date: a notice recorded later is not known earlier, even for a date it covers', async () => {
    const c = await start(await place(), '2026-06-03T09:00:00Z');
    await registerOfficialNote(c, { sender: 'KGZ', authority: 'MFA', reference: '7', dated: '2026-06-01', kind: 'withdrawal-notice', subject: 'Withdrawal' }, clerk);
    expect((await partyRecordAt(c, 'KGZ', { asOf: '2026-06-02', knownAt: '2026-06-02' })).standing).toMatchObject({ status: 'member' });
    expect((await partyRecordAt(c, 'KGZ', { asOf: '2026-06-02', knownAt: '2026-06-03' })).standing).toMatchObject({ status: 'withdrawal-pending' });
  });

  it('a statement in the press never changes a status', async () => {
    const c = await start(await place());
    const before = await registryAt(c, { asOf: '2026-11-28', knownAt: '2026-11-28' });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB'),
        fc.constantFrom('we will leave the organization', 'our participation is frozen', 'we are suspending our membership', 'we have withdrawn'),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2026-11-27'), noInvalidDate: true }),
        async (state, summary, day) => {
          const r = await recordPublicStatement(c, { speaker: 'Prime Minister', state, venue: 'France 24', saidOn: day.toISOString().slice(0, 10), url: 'https://www.france24.com/en/interview', summary }, clerk);
          expect(r.ok).toBe(true);
          expect(await registryAt(c, { asOf: '2026-11-28', knownAt: '2026-11-28' })).toEqual(before);
        },
      ),
      { numRuns: 15 },
    );
    const recorded = await c.database.db.selectFrom('projection_statements').select('id').execute();
    expect(recorded).toHaveLength(15);
  });

  it('refuses bad input clearly, changes nothing, and records the attempt', async () => {
    const c = await start(await place());
    const count = async () => (await c.database.db.selectFrom('ledger_entries').select('seq').where('stream_id', '!=', 'refusals').execute()).length;
    const before = await count();
    const cases = [
      registerOfficialNote(c, { sender: 'XXX', authority: 'MFA', reference: '1', dated: '2026-01-01', kind: 'other', subject: 's' }, clerk),
      registerOfficialNote(c, { sender: 'ARM', authority: 'MFA', reference: '1', dated: '2027-01-01', kind: 'other', subject: 's' }, clerk),
      registerOfficialNote(c, { sender: 'AZE', authority: 'MFA', reference: '1', dated: '2026-01-01', kind: 'withdrawal-notice', subject: 'leave', backdatingReason: 'entered late' }, clerk),
      recordPublicStatement(c, { speaker: 'X', state: 'ARM', venue: 'TV', saidOn: '2026-01-01', url: 'not a link', summary: 's' }, clerk),
    ];
    const fields = (await Promise.all(cases)).map((r) => (r.ok ? 'accepted' : r.refusal.field));
    expect(fields).toEqual(['sender', 'dated', 'sender', 'url']);
    expect(await count()).toBe(before);
    const attempts = await c.database.db.selectFrom('ledger_entries').select(['type', 'actor']).where('stream_id', '=', 'refusals').execute();
    expect(attempts).toEqual(Array.from({ length: 4 }, () => ({ type: 'CommandRefused', actor: 'officer:test' })));
  });

  it('a suspension decided by the Council changes the status and cites the decision', async () => {
    const c = await start(await place());
    const decisionId = await suspendByCouncil(c, 'ARM');
    expect((await partyRecordAt(c, 'ARM', { asOf: '2026-11-28', knownAt: '2026-11-28' })).standing).toMatchObject({ status: 'suspended', act: `Decision ${decisionId} of the collective-security-council` });
  });

  it('sets up another framework on request', async () => {
    const c = await start(await place(), '2026-11-28T10:00:00Z', 'nato');
    expect(await registryAt(c, { asOf: '2024-06-01', knownAt: '2024-06-01' })).toHaveLength(32);
  });
});

describe('a database set up from a pack folder', () => {
  it('reads the pack from that folder again, and records when its text changed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'concord-pack-'));
    cpSync(join(import.meta.dirname, '..', 'frameworks', 'csto'), folder, { recursive: true });
    const data = mkdtempSync(join(tmpdir(), 'concord-data-'));
    const first = await startConcord({ store: { dataDir: data }, framework: folder });
    const digest = first.framework.digest;
    await first.close();
    const rules = join(folder, 'rules.yaml');
    writeFileSync(rules, readFileSync(rules, 'utf8').replaceAll('policy: contested', 'policy: open-for-accession'));
    const second = await startConcord({ store: { dataDir: data } });
    try {
      expect(second.framework.digest).not.toBe(digest);
      expect(second.pack.rules.every((r) => r.primitive !== 'consensus' || r.silentAbsence.policy === 'open-for-accession')).toBe(true);
      const updates = await second.database.db.selectFrom('ledger_entries').select('type').where('type', '=', 'FrameworkUpdated').execute();
      expect(updates).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
