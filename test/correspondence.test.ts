/**
 * Registering notes over HTTP on each engine: a note entered long after its date, or dated before
 * its sender was a member, is registered only with the reason it comes now; dates no note can
 * bear are refused naming the field; the pack's documented history is not held to the rule.
 */
import { subDays } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startApi, type Api } from './support/api.js';
import { enginesToTest } from './support/stores.js';

const engines = await enginesToTest();

describe.each(engines)('the correspondence register on $name', (engine) => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi(engine);
  });
  afterAll(() => api.close());

  // Counted as the secretariat counts them: in UTC, from its today.
  const daysAgo = (days: number) => subDays(api.clock.now(), days).toISOString().slice(0, 10);
  const note = (reference: string, change: Record<string, unknown>) => ({ sender: 'KAZ', authority: 'Ministry of Foreign Affairs', reference, dated: daysAgo(1), kind: 'other', subject: 'On the budget', ...change });
  const register = (body: unknown) => call(api, 'officer', 'POST', '/api/correspondence', body);
  const entries = async () => Number((await api.concord.database.db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll().as('n')).where('stream_id', 'like', 'note-%').executeTakeFirstOrThrow()).n);

  it('registers a note of last week as it is', async () => {
    const answer = await register(note('K/1', { dated: daysAgo(7) }));
    expect(answer.status).toBe(201);
    expect(answer.body.note).not.toHaveProperty('backdatingReason');
  });

  it('asks the reason for a note dated more than 90 days back, and records nothing until it is given', async () => {
    const before = await entries();
    const refused = await register(note('K/2', { dated: daysAgo(200) }));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'backdating-reason-required', field: 'backdatingReason', detail: expect.stringContaining(`dated ${daysAgo(200)}, 200 days before`) as string });
    expect(await entries()).toBe(before);

    const registered = await register(note('K/2', { dated: daysAgo(200), backdatingReason: 'Found in the archive of the former office' }));
    expect(registered.status).toBe(201);
    const id = (registered.body.note as { id: string }).id;
    const [recorded] = await api.concord.database.db.selectFrom('ledger_entries').select('data').where('stream_id', '=', `note-${id}`).execute();
    const data = typeof recorded?.data === 'string' ? (JSON.parse(recorded.data) as unknown) : recorded?.data;
    expect(data).toMatchObject({ dated: daysAgo(200), backdatingReason: 'Found in the archive of the former office' });
    expect((await call(api, 'officer', 'GET', `/api/correspondence/${id}`)).body).toMatchObject({ backdatingReason: 'Found in the archive of the former office' });
  });

  it('asks the reason for a note dated before its sender became a member, from the documented history', async () => {
    // Azerbaijan signed the treaty on 24 September 1993 (the CSTO pack's history).
    const refused = await register(note('AZ/1', { sender: 'AZE', dated: '1993-09-01' }));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ field: 'backdatingReason', detail: expect.stringContaining('before AZE became a member (1993-09-24)') as string });
  });

  it('refuses a date after 2100 or before the founding, naming the field, even with a reason', async () => {
    const late = await register(note('K/3', { dated: '2101-01-01', backdatingReason: 'as typed' }));
    expect(late).toMatchObject({ status: 400, body: { field: 'dated', detail: expect.stringContaining('after 2100-12-31') as string } });
    const early = await register(note('K/4', { dated: '1992-05-14', backdatingReason: 'as typed' }));
    expect(early).toMatchObject({ status: 400, body: { field: 'dated', detail: expect.stringContaining('before the organization was founded (1992-05-15)') as string } });
  });

  it('refuses a reason that is not text, naming the field', async () => {
    expect(await register(note('K/5', { dated: daysAgo(200), backdatingReason: 7 }))).toMatchObject({ status: 400, body: { field: 'backdatingReason' } });
  });

  it('keeps the documented history, which is reconstructed, out of the rule', async () => {
    const party = await call(api, 'officer', 'GET', '/api/registry/AZE?asOf=1994-01-01');
    expect(party.body).toMatchObject({ standing: { status: 'member', since: '1993-09-24' } });
  });
});
