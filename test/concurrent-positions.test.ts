/**
 * Members giving their positions at the same moment: each is decided on what is on record when
 * it is written, so all are recorded, none is lost to the race, and a contradiction is still
 * refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { circulateDecision, draftDecision, recordPosition, startConcord, type Concord } from '../src/app/index.js';
import { enginesToTest } from './support/stores.js';

const SYSTEM = { actor: 'test' };
const MEMBERS = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];

describe.each(await enginesToTest())('positions given at once on $name', (engine) => {
  let concord: Concord;
  let cleanup: () => Promise<void> = () => Promise.resolve();
  beforeAll(async () => {
    const place = await engine.fresh();
    concord = await startConcord({ store: place.config });
    cleanup = async () => {
      await concord.close();
      await place.cleanup();
    };
    await draftDecision(concord, { id: 'D-race', title: { en: 'T', ru: 'Т' }, text: { en: 'X', ru: 'Х' }, body: 'permanent-council', question: 'procedural', initiator: 'Secretariat' }, SYSTEM);
    await circulateDecision(concord, 'D-race', { procedure: 'written', deadline: new Date(Date.now() + 86_400_000).toISOString() }, SYSTEM);
  });
  afterAll(() => cleanup());

  it('records the positions of six members sent at the same moment', async () => {
    const results = await Promise.all(MEMBERS.map((state) => recordPosition(concord, 'D-race', { state, position: 'yes', document: { kind: 'delegate-entry', by: state } }, SYSTEM)));
    expect(results.map((r) => (r.ok ? 'ok' : r.refusal.message))).toEqual(MEMBERS.map(() => 'ok'));
    const recorded = await concord.database.db.selectFrom('ledger_entries').select('seq').where('stream_id', '=', 'decision-D-race').where('type', '=', 'PositionRecorded').execute();
    expect(recorded).toHaveLength(6);
  });

  it('still refuses, after the race, a position contradicting one recorded', async () => {
    const [same, other] = await Promise.all([
      recordPosition(concord, 'D-race', { state: 'KAZ', position: 'yes', document: { kind: 'delegate-entry', by: 'KAZ' } }, SYSTEM),
      recordPosition(concord, 'D-race', { state: 'KAZ', position: 'no', document: { kind: 'delegate-entry', by: 'KAZ' } }, SYSTEM),
    ]);
    expect(same.ok).toBe(true);
    expect(other.ok ? 'recorded' : other.refusal.field).toBe('position');
  });

  it('keeps one of two contradicting positions of a member sent at the same moment, never both', async () => {
    await draftDecision(concord, { id: 'D-race-2', title: { en: 'T', ru: 'Т' }, text: { en: 'X', ru: 'Х' }, body: 'permanent-council', question: 'procedural', initiator: 'Secretariat' }, SYSTEM);
    await circulateDecision(concord, 'D-race-2', { procedure: 'written', deadline: new Date(Date.now() + 86_400_000).toISOString() }, SYSTEM);
    const both = await Promise.all(
      (['yes', 'no'] as const).map((position) => recordPosition(concord, 'D-race-2', { state: 'TJK', position, document: { kind: 'delegate-entry', by: 'TJK' } }, SYSTEM)),
    );
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const recorded = await concord.database.db.selectFrom('ledger_entries').select('seq').where('stream_id', '=', 'decision-D-race-2').where('type', '=', 'PositionRecorded').execute();
    expect(recorded).toHaveLength(1);
  });
});
