/**
 * The spring 2024 scenario on each engine: what the registry, the decisions and the notifications
 * say once it is seeded, and that seeding it again records nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  decisionState,
  fireDueTimers,
  notificationsOf,
  partyRecordAt,
  recordPosition,
  registryAt,
  startConcord,
  type Clock,
  type Concord,
} from '../app/index.js';
import { readHead, verifyChain } from '../ledger/index.js';
import { enginesToTest, type Engine } from '../../test/support/stores.js';
import { DEMO_ACTOR, seedSpring2024, type DemoSummary } from './spring-2024.js';

const engines = await enginesToTest();
const PRESENT = '2026-03-02T09:00:00Z';
const FIVE = ['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];
const SIX = ['ARM', ...FIVE];

async function ledgerHead(c: Concord): Promise<{ seq: number; hash: string } | undefined> {
  return readHead(c.database);
}

describe.each(engines)('the spring 2024 demo on $name', (engine: Engine) => {
  let now = new Date(PRESENT);
  const clock: Clock = { now: () => now };
  const cleanups: (() => Promise<void>)[] = [];
  const open: Concord[] = [];
  async function seeded(): Promise<{ c: Concord; summary: DemoSummary }> {
    const place = await engine.fresh();
    cleanups.push(place.cleanup);
    const c = await startConcord({ store: place.config, clock });
    open.push(c);
    return { c, summary: await seedSpring2024(c) };
  }
  afterEach(() => {
    now = new Date(PRESENT);
  });
  afterAll(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    await Promise.all(cleanups.splice(0).map((c) => c()));
  });

  let c: Concord;
  let summary: DemoSummary;
  beforeAll(async () => {
    ({ c, summary } = await seeded());
  });

  it('leaves Armenia a member that does not take part, its statements beside that standing and changing nothing', async () => {
    const armenia = (await registryAt(c, { asOf: '2024-05-31', knownAt: c.today() })).find((p) => p.party === 'ARM');
    expect(armenia).toMatchObject({ status: 'member', since: '1992-05-15', participation: { participating: false, since: '2023-11-22' } });
    const record = await partyRecordAt(c, 'ARM', { asOf: c.today(), knownAt: c.today() });
    expect(record.standing).toMatchObject({ status: 'member', participation: { participating: false } });
    expect(record.statements.map((s) => s.saidOn)).toEqual(['2024-02-22', '2024-02-23', '2024-03-12', '2024-03-28']);
    expect(record.statements[0]).toMatchObject({ speaker: expect.stringContaining('Pashinyan') as string, summary: expect.stringContaining('frozen') as string });
    expect(record.history.every((change) => change.reconstructed)).toBe(true);
    expect(summary.statements).toHaveLength(4);
  });

  it('takes every step without a refusal', async () => {
    expect(await c.database.db.selectFrom('ledger_entries').select('seq').where('stream_id', '=', 'refusals').execute()).toEqual([]);
  });

  it('takes the Minsk documents without Armenia: binding the five, not Armenia, and sent to Yerevan with its acknowledgement outstanding', async () => {
    const minsk = await decisionState(c, summary.decisions.minskDocuments);
    expect(minsk).toMatchObject({ status: 'closed', date: '2023-11-23', result: { outcome: 'contested', reason: 'silent-absence', bound: FIVE, notBound: ['ARM'], notify: SIX } });
    const notifications = await notificationsOf(c, summary.decisions.minskDocuments);
    expect(notifications.map((n) => n.state)).toEqual(SIX);
    expect(notifications.filter((n) => n.acknowledged_at === null).map((n) => n.state)).toEqual(['ARM']);
  });

  it('carries the historical dates of the acts, and the date they were entered', async () => {
    const closed = await c.database.db
      .selectFrom('ledger_entries')
      .select(['stream_id', 'valid_at', 'recorded_at', 'actor'])
      .where('type', '=', 'DecisionClosed')
      .orderBy('seq')
      .execute();
    expect(closed.map((e) => [e.stream_id, e.valid_at])).toEqual([
      [`decision-${summary.decisions.minskDocuments}`, '2023-11-23'],
      [`decision-${summary.decisions.budget2024}`, '2024-05-31'],
      [`decision-${summary.decisions.almatyDefence}`, '2024-05-31'],
    ]);
    expect(closed.every((e) => e.recorded_at.startsWith('2026-03-02') && e.actor === DEMO_ACTOR)).toBe(true);
  });

  it('adopts the 2024 budget in limited format on Armenia’s registered no-objection notice, citing the practice', async () => {
    const budget = await decisionState(c, summary.decisions.budget2024);
    expect(budget?.result).toMatchObject({ outcome: 'adopted', reason: 'adopted-limited-format', bound: FIVE, notBound: ['ARM'], notify: SIX });
    expect(budget?.result?.trace.flatMap((t) => t.cites)).toContain('csto-practice:limited-format');
    expect(budget?.positions.ARM).toMatchObject({ position: 'no-objection', document: { kind: 'note', noteId: summary.notes.budgetNoObjection } });
    const notes = (await partyRecordAt(c, 'ARM', { asOf: '2024-05-31', knownAt: c.today() })).notes;
    expect(notes.map((n) => [n.id, n.kind])).toEqual(
      expect.arrayContaining([
        [summary.notes.budgetNoObjection, 'no-objection-notice'],
        [summary.notes.almatyNoObjection, 'no-objection-notice'],
      ]),
    );
    expect((await notificationsOf(c, summary.decisions.budget2024)).find((n) => n.state === 'ARM')?.acknowledged_at).toBeNull();
  });

  it('adopts the Almaty defence ministers’ decisions in limited format, chaired by Kazakhstan', async () => {
    const almaty = await decisionState(c, summary.decisions.almatyDefence);
    expect(almaty?.result).toMatchObject({ outcome: 'adopted', reason: 'adopted-limited-format', notBound: ['ARM'] });
    const session = await c.database.db.selectFrom('projection_sessions').selectAll().where('id', '=', summary.sessions.almaty).executeTakeFirst();
    expect(session).toMatchObject({ chair: 'KAZ', status: 'closed', date: '2024-05-31' });
  });

  it('leaves a written procedure open after the present, with two positions in and four awaited', async () => {
    expect(summary.openProcedure).toMatchObject({ status: 'circulating', positions: ['KAZ', 'RUS'], awaited: ['ARM', 'BLR', 'KGZ', 'TJK'] });
    expect(Date.parse(summary.openProcedure.deadline ?? '')).toBeGreaterThan(Date.parse(PRESENT) + 6 * 86_400_000);
    const draft = await decisionState(c, summary.openProcedure.id);
    expect(draft).toMatchObject({ status: 'circulating', procedure: 'written', body: 'permanent-council' });
    expect(draft?.title.en).toMatch(/^Demonstration/);
    expect(draft?.title.ru).toMatch(/^Демонстрационный/);
  });

  it('lets a newcomer record a position in the open procedure', async () => {
    const fresh = await seeded();
    const recorded = await recordPosition(fresh.c, fresh.summary.openProcedure.id, { state: 'BLR', position: 'yes', document: { kind: 'delegate-entry', by: 'delegate:BLR' } }, { actor: 'delegate:BLR' });
    expect(recorded.ok).toBe(true);
    expect(Object.keys((await decisionState(fresh.c, fresh.summary.openProcedure.id))?.positions ?? {}).sort()).toEqual(['BLR', 'KAZ', 'RUS']);
  });

  it('records nothing when seeded again, even a day later, and the ledger verifies', async () => {
    const fresh = await seeded();
    expect(fresh.summary.recorded).toBeGreaterThan(0);
    const before = await ledgerHead(fresh.c);
    now = new Date(Date.parse(PRESENT) + 86_400_000);
    const again = await seedSpring2024(fresh.c);
    expect(await ledgerHead(fresh.c)).toEqual(before);
    expect(again).toEqual({ ...fresh.summary, recorded: 0 });
    expect(await verifyChain(fresh.c.database)).toMatchObject({ ok: true, count: before?.seq });
  });

  it('opens another procedure when a later start finds the last one past its deadline', async () => {
    const fresh = await seeded();
    now = new Date(Date.parse(PRESENT) + 10 * 86_400_000);
    expect(await fireDueTimers(fresh.c)).toBeGreaterThan(0);
    expect((await decisionState(fresh.c, fresh.summary.openProcedure.id))?.status).toBe('closed');
    const later = await seedSpring2024(fresh.c);
    expect(later.openProcedure).toMatchObject({ id: `${fresh.summary.openProcedure.id}-2`, status: 'circulating', positions: ['KAZ', 'RUS'] });
    expect(Date.parse(later.openProcedure.deadline ?? '')).toBeGreaterThan(now.getTime() + 6 * 86_400_000);
    expect((await seedSpring2024(fresh.c)).recorded).toBe(0);
  });

  it('refuses a present that is not after the scenario’s last act, and a database of another organization', async () => {
    await expect(seedSpring2024(c, { now: new Date('2024-05-31T18:00:00Z') })).rejects.toThrow(/after 2024-05-31/);
    const place = await engine.fresh();
    cleanups.push(place.cleanup);
    const nato = await startConcord({ store: place.config, clock, framework: 'nato' });
    open.push(nato);
    const head = await ledgerHead(nato);
    await expect(seedSpring2024(nato)).rejects.toThrow(/CSTO framework/);
    expect(await ledgerHead(nato)).toEqual(head);
  });
});
