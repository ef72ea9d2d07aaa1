/**
 * Cases carried through to the registry, on the real server and database: an application opens
 * with the competent body's draft, the body decides it by its own procedure, and the registry
 * answers from the day the decision was taken. Each refusal names its field and records nothing
 * but the refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPosition, registerOfficialNote, type Concord } from '../../app/index.js';
import { readHead, replayProjections } from '../../ledger/index.js';
import { READ_MODELS, visibility } from '../composition.js';
import { call, startApi, type Api } from '../../../test/support/api.js';
import { enginesToTest } from '../../../test/support/stores.js';

const engines = await enginesToTest();
const SYSTEM = { actor: 'test' };
const CSTO = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];

interface View {
  id: string;
  decisionId: string;
  status: string;
  noteId?: string | null;
  criteria: { id: string; assessment: string; evidence?: string }[];
  effect: { applied: boolean; act?: string; reason?: string } | null;
}

describe.each(engines)('cases before the Collective Security Council on $label', (engine) => {
  let api: Api;
  let c: Concord;
  beforeAll(async () => {
    api = await startApi(engine);
    c = api.concord;
  });
  afterAll(() => api.close());

  const note = async (sender: string, kind: string, reference: string) => {
    const registered = await registerOfficialNote(c, { sender, authority: 'Ministry of Foreign Affairs', reference, dated: c.today(), kind: kind as 'other', subject: `${kind} of ${sender}` }, SYSTEM);
    if (!registered.ok) throw new Error(registered.refusal.message);
    return registered.value.id;
  };
  const submit = async (state: string, status: string, kind: string) => {
    const answer = await call(api, 'officer', 'POST', '/api/applications', { state, status, noteId: await note(state, kind, `${state}/${status}`) });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body as unknown as View;
  };
  /** The members' delegates enter their positions in a written procedure, which the officer closes (after the deadline, if a member is silent). */
  const decide = async (view: View, positions: Readonly<Record<string, 'yes' | 'no' | 'no-objection'>>) => {
    const circulated = await call(api, 'officer', 'POST', `/api/decisions/${view.decisionId}/circulate`, { procedure: 'written', deadline: new Date(Date.now() + 7 * 86_400_000).toISOString() });
    expect(circulated.status, JSON.stringify(circulated.body)).toBe(200);
    for (const [state, position] of Object.entries(positions)) {
      const recorded = await recordPosition(c, view.decisionId, { state, position, document: { kind: 'delegate-entry', by: `delegate-${state}` } }, SYSTEM);
      if (!recorded.ok) throw new Error(recorded.refusal.message);
    }
    if (Object.keys(positions).length < CSTO.length) api.clock.offsetMs = 8 * 86_400_000;
    try {
      expect((await call(api, 'officer', 'POST', `/api/decisions/${view.decisionId}/close`)).status).toBe(200);
    } finally {
      api.clock.offsetMs = 0;
    }
    return (await call(api, 'officer', 'GET', `/api/applications/${view.id}`)).body as unknown as View;
  };
  const allYes = Object.fromEntries(CSTO.map((s) => [s, 'yes' as const]));
  const standingOf = async (state: string, asOf: string, knownAt = c.today()) => {
    const registry = (await call(api, 'officer', 'GET', `/api/registry?asOf=${asOf}&knownAt=${knownAt}`)).body as { parties: { party: string; role: string; status: string; act: string }[] };
    return registry.parties.find((p) => p.party === state);
  };
  const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  it('a request dated in its sender’s day, already the next one in UTC, opens a case that the same night’s acts can follow', async () => {
    // 22:30 UTC: past midnight in Moscow, where the note was signed "tomorrow" by UTC's count.
    const now = new Date();
    api.clock.offsetMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 22, 30) - now.getTime();
    try {
      const tomorrow = new Date(api.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
      const registered = await registerOfficialNote(c, { sender: 'LAO', authority: 'Ministry of Foreign Affairs', reference: 'LAO/late', dated: tomorrow, kind: 'observer-request', subject: 'observer-request of LAO' }, SYSTEM);
      if (!registered.ok) throw new Error(registered.refusal.message);
      const opened = await call(api, 'officer', 'POST', '/api/applications', { state: 'LAO', status: 'observer', noteId: registered.value.id });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      const view = opened.body as unknown as View & { submittedOn: string };
      expect(view.submittedOn).toBe(tomorrow);
      const criterion = view.criteria[0]?.id ?? '';
      const assessed = await call(api, 'officer', 'POST', `/api/applications/${view.id}/assessments`, { criterion, met: true, evidenceNoteId: registered.value.id });
      expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
    } finally {
      api.clock.offsetMs = 0;
    }
  });

  it('admits a state that had withdrawn as a member once the Council adopts the decision, citing it', async () => {
    const opened = await submit('GEO', 'member', 'accession-request');
    expect(opened.criteria.map((k) => k.assessment)).toEqual(opened.criteria.map(() => 'unanswered'));
    expect(await standingOf('GEO', c.today())).toMatchObject({ status: 'withdrawn' });
    const decided = await decide(opened, allYes);
    expect(decided).toMatchObject({ status: 'adopted', effect: { applied: true } });
    expect(await standingOf('GEO', c.today())).toMatchObject({ role: 'member', status: 'member', act: expect.stringContaining(opened.decisionId) as string });
  });

  it('grants observer and partner status, each from the day of the decision and not the day before', async () => {
    for (const [state, status] of [['SRB', 'observer'], ['MNG', 'partner']] as const) {
      const decided = await decide(await submit(state, status, `${status}-request`), allYes);
      expect(decided.status).toBe('adopted');
      expect(await standingOf(state, c.today())).toMatchObject({ role: status, status: 'granted' });
      expect(await standingOf(state, yesterday())).toBeUndefined();
    }
  });

  it('gives the new observer and partner what their status gives: the Council’s decisions notified, its sessions attended, no position', async () => {
    const next = await call(api, 'officer', 'POST', '/api/decisions', { title: { en: 'On the next session', ru: 'О следующей сессии' }, text: { en: 'Dates.', ru: 'Сроки.' }, body: 'collective-security-council', question: 'procedural', initiator: 'Secretariat' });
    const id = String(next.body.id);
    await call(api, 'officer', 'POST', `/api/decisions/${id}/circulate`, { procedure: 'written', deadline: new Date(Date.now() + 86_400_000).toISOString() });
    const refused = await call(api, 'officer', 'POST', `/api/decisions/${id}/positions`, { state: 'SRB', position: 'no', noteId: await note('SRB', 'other', 'SRB/pos') });
    expect(refused.body).toMatchObject({ status: 422, code: 'not-on-body', field: 'state' });
    for (const state of CSTO) await recordPosition(c, id, { state, position: 'yes', document: { kind: 'delegate-entry', by: `delegate-${state}` } }, SYSTEM);
    expect((await call(api, 'officer', 'POST', `/api/decisions/${id}/close`)).status).toBe(200);
    const notified = (await call(api, 'officer', 'GET', `/api/decisions/${id}`)).body as { notifications: { state: string }[] };
    expect(notified.notifications.map((n) => n.state).sort()).toEqual([...CSTO, 'MNG', 'SRB'].sort());
    const session = await call(api, 'officer', 'POST', '/api/sessions', { body: 'collective-security-council', date: c.today(), place: 'Moscow', temporaryChair: 'RUS' });
    const attended = await call(api, 'officer', 'POST', `/api/sessions/${String(session.body.id)}/attendance`, { state: 'SRB', present: true });
    expect(attended.status, JSON.stringify(attended.body)).toBe(200);
    expect(attended.body).toMatchObject({ associates: { SRB: true }, attendance: {} });
  });

  it('does not show the new status as known on a day before the decision was recorded', async () => {
    expect(await standingOf('SRB', c.today(), yesterday())).toBeUndefined();
  });

  it('rejects an application on an official objection and changes nothing', async () => {
    const decided = await decide(await submit('IRN', 'observer', 'observer-request'), { ...allYes, BLR: 'no' });
    expect(decided).toMatchObject({ status: 'rejected', effect: { applied: false } });
    expect(decided.effect?.reason).toContain('rejected');
    expect(await standingOf('IRN', c.today())).toBeUndefined();
  });

  it('does not apply a decision taken while a member stayed away without a word', async () => {
    const withoutArmenia = Object.fromEntries(Object.entries(allYes).filter(([state]) => state !== 'ARM'));
    const decided = await decide(await submit('SYR', 'observer', 'observer-request'), withoutArmenia);
    expect(decided).toMatchObject({ status: 'rejected', effect: { applied: false } });
    expect(decided.effect?.reason).toContain('contested');
    expect(await standingOf('SYR', c.today())).toBeUndefined();
  });

  it('suspends a member through the same path, on the Council’s decision', async () => {
    const proposed = await call(api, 'officer', 'POST', '/api/applications/proposals', { state: 'KGZ', change: 'suspend', role: 'member' });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const decided = await decide(proposed.body as unknown as View, allYes);
    expect(decided.status).toBe('adopted');
    expect(await standingOf('KGZ', c.today())).toMatchObject({ status: 'suspended' });
  });

  it('sets the member concerned aside in the decision on its own suspension: its objection does not block it', async () => {
    const proposed = await call(api, 'officer', 'POST', '/api/applications/proposals', { state: 'TJK', change: 'suspend', role: 'member' });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const decided = await decide(proposed.body as unknown as View, { ...allYes, TJK: 'no' });
    expect(decided.status).toBe('adopted');
    expect(await standingOf('TJK', c.today())).toMatchObject({ status: 'suspended' });
  });

  it('records the officer’s finding on a criterion with its evidence', async () => {
    const opened = await submit('VNM', 'observer', 'observer-request');
    const evidence = await note('VNM', 'other', 'VNM/un');
    const assessed = await call(api, 'officer', 'POST', `/api/applications/${opened.id}/assessments`, { criterion: 'un-member', met: true, evidenceNoteId: evidence });
    expect(assessed.status).toBe(200);
    expect((assessed.body as unknown as View).criteria).toContainEqual(expect.objectContaining({ id: 'un-member', assessment: 'met', evidence }));
  });

  it('shows a case to other readers only once its decision is circulated, and never the applicant’s notes', async () => {
    const open = (await call(api, 'officer', 'GET', '/api/applications?status=open')).body as { applications: View[] };
    const assessed = open.applications.find((a) => a.criteria.some((k) => k.evidence !== undefined));
    if (!assessed) throw new Error('no assessed case');
    expect(assessed.noteId).not.toBeNull();
    // While its draft is the secretariat's, so is the case.
    expect((await call(api, 'delegate-arm', 'GET', `/api/applications/${assessed.id}`)).status).toBe(404);
    expect(((await call(api, 'delegate-arm', 'GET', '/api/applications')).body as { applications: View[] }).applications.map((a) => a.id)).not.toContain(assessed.id);
    await call(api, 'officer', 'POST', `/api/decisions/${assessed.decisionId}/circulate`, { procedure: 'written', deadline: new Date(Date.now() + 7 * 86_400_000).toISOString() });
    const seen = (await call(api, 'delegate-arm', 'GET', `/api/applications/${assessed.id}`)).body as unknown as View;
    expect(seen.noteId).toBeNull();
    expect(seen.criteria.every((k) => k.evidence === undefined)).toBe(true);
    // An observer reads outcomes only.
    expect((await call(api, 'observer', 'GET', `/api/applications/${assessed.id}`)).status).toBe(404);
    // Nor do the case's ledger entries reach them (the live stream shows each reader what it may read).
    const entry = { streamId: `application-${assessed.id}`, type: 'CriterionAssessed', actor: 'user:officer', data: { evidence: 'n-1' } };
    const reader = (role: 'observer' | 'delegate' | 'analyst' | 'officer') => ({ username: role, role, state: role === 'delegate' ? 'ARM' : null, scopes: ['read' as const] });
    expect(['observer', 'delegate', 'analyst', 'officer'].map((r) => visibility().mayReadEntry(reader(r as 'observer'), entry))).toEqual([false, false, true, true]);
  });

  it('rebuilds every read model and every effect identically from the ledger', async () => {
    const before = (await call(api, 'officer', 'GET', '/api/registry')).body;
    expect(await replayProjections(c.database, READ_MODELS)).toMatchObject({ differing: [] });
    expect((await call(api, 'officer', 'GET', '/api/registry')).body).toEqual(before);
  });

  describe('refuses, naming the field, and records nothing but the refusal', () => {
    const refused = async (username: string, path: string, body: unknown, expected: { status: number; field: string; code?: string }) => {
      const head = (await readHead(c.database))?.seq ?? 0;
      const answer = await call(api, username, 'POST', path, body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(expected.status);
      expect(answer.body).toMatchObject({ field: expected.field, ...(expected.code ? { code: expected.code } : {}) });
      const entries = await c.database.db.selectFrom('ledger_entries').select(['stream_id']).where('seq', '>', head).execute();
      expect(entries.map((e) => e.stream_id)).toEqual(['refusals']);
    };

    it('an application from an unknown code', async () => {
      await refused('officer', '/api/applications', { state: 'XXX', status: 'observer', noteId: await note('IND', 'observer-request', 'IND/0') }, { status: 400, field: 'state', code: 'invalid' });
    });

    it('an application carried by another state’s note', async () => {
      await refused('officer', '/api/applications', { state: 'CHN', status: 'observer', noteId: await note('IND', 'observer-request', 'IND/1') }, { status: 400, field: 'note' });
    });

    it('a second application while one is open', async () => {
      await submit('EGY', 'observer', 'observer-request');
      await refused('officer', '/api/applications', { state: 'EGY', status: 'partner', noteId: await note('EGY', 'partner-request', 'EGY/2') }, { status: 409, field: 'state', code: 'conflict' });
    });

    it('applying for a status the state already holds', async () => {
      await refused('officer', '/api/applications', { state: 'SRB', status: 'observer', noteId: await note('SRB', 'observer-request', 'SRB/again') }, { status: 422, field: 'status', code: 'not-allowed' });
    });

    it('admitting a member', async () => {
      await refused('officer', '/api/applications', { state: 'KAZ', status: 'member', noteId: await note('KAZ', 'accession-request', 'KAZ/1') }, { status: 422, field: 'status' });
    });

    it('suspending a state that has withdrawn', async () => {
      await refused('officer', '/api/applications/proposals', { state: 'AZE', change: 'suspend', role: 'member' }, { status: 422, field: 'change', code: 'not-allowed' });
    });

    it('a finding recorded by someone without the permission', async () => {
      const open = (await call(api, 'officer', 'GET', '/api/applications?status=open')).body as { applications: View[] };
      const [first] = open.applications;
      if (!first) throw new Error('no open case');
      await refused('delegate-arm', `/api/applications/${first.id}/assessments`, { criterion: 'un-member', met: true, evidenceNoteId: await note('ARM', 'other', 'ARM/x') }, { status: 403, field: 'role', code: 'forbidden' });
    });
  });
});
