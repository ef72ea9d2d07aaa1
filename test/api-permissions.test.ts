/// <reference types="vite/client" />
/**
 * The permission matrix: every route of the API, asked by every role. What a role may not do is
 * refused with 403, logged, and recorded under the account that tried (a command in the ledger, a
 * read in the audit log); a delegate
 * of Armenia can neither act for Russia nor read Russia's restricted items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAgendaItem,
  circulateDecision,
  closeSession,
  conveneSession,
  draftDecision,
  issueToken,
  recordAttendance,
  recordPosition,
  registerOfficialNote,
} from '../src/app/index.js';
import { call, refusalsOf, ROLE_ACCOUNTS, startApi, type Api } from './support/api.js';
import { ALL, SECRETARIAT, SYSTEM, type Matrix, type Row } from './support/permission-matrix.js';
import { sqlite } from './support/stores.js';

const READERS_OF_NOTES = ['admin', 'officer', 'delegate-arm', 'analyst'];

/** The rows each module keeps beside its code. */
const MODULE_MATRICES = Object.values(import.meta.glob<Matrix>('../src/modules/*/permissions.matrix.ts', { eager: true, import: 'matrix' }));

describe('the permission matrix', () => {
  let api: Api;
  let rows: Row[] = [];
  let armNote = '';
  let rusNote = '';
  beforeAll(async () => {
    api = await startApi(sqlite);
    const c = api.concord;
    const note = (sender: string) =>
      registerOfficialNote(c, { sender, authority: 'Ministry of Foreign Affairs', reference: `${sender}/1`, dated: '2026-01-10', kind: 'other', subject: `A note of ${sender}`, backdatingReason: 'entered late' }, SYSTEM);
    const arm = await note('ARM');
    const rus = await note('RUS');
    if (!arm.ok || !rus.ok) throw new Error('notes');
    armNote = arm.value.id;
    rusNote = rus.value.id;
    const draft = (id: string) => draftDecision(c, { id, title: { en: id, ru: id }, text: { en: 'Text', ru: 'Текст' }, body: 'permanent-council', question: 'procedural', initiator: 'Secretariat' }, SYSTEM);
    await draft('D-draft');
    await draft('D-hidden');
    await draft('D-open');
    await circulateDecision(c, 'D-open', { procedure: 'written', deadline: new Date(Date.now() + 7 * 86_400_000).toISOString() }, SYSTEM);
    await draftDecision(c, { id: 'D-closed', title: { en: 'Closed', ru: 'Закрыто' }, text: { en: 'X', ru: 'Х' }, body: 'collective-security-council', question: 'substantive', initiator: 'Secretariat' }, SYSTEM);
    await conveneSession(c, { id: 'S-past', body: 'collective-security-council', date: c.today(), place: 'Moscow', temporaryChair: 'RUS' }, SYSTEM);
    await addAgendaItem(c, 'S-past', 'D-closed', SYSTEM);
    for (const s of ['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']) await recordAttendance(c, 'S-past', s, true, SYSTEM);
    await closeSession(c, 'S-past', SYSTEM);
    await conveneSession(c, { id: 'S-open', body: 'council-of-foreign-ministers', date: c.today(), place: 'Minsk', temporaryChair: 'BLR' }, SYSTEM);
    const spare = await issueToken(c, 'officer', { name: 'spare', scopes: ['read'], expiresInDays: 5 }, SYSTEM);
    const spareId = spare.ok ? spare.value.token.id : '';
    rows = [
      { method: 'GET', route: '/api/overview', path: '/api/overview', allowed: ALL },
      { method: 'GET', route: '/api/framework', path: '/api/framework', allowed: ALL },
      { method: 'GET', route: '/api/registry', path: '/api/registry?asOf=2024-03-28', allowed: ALL },
      { method: 'GET', route: '/api/registry/{state}', path: '/api/registry/ARM', allowed: ALL },
      { method: 'POST', route: '/api/decide', path: '/api/decide', body: { body: 'collective-security-council', question: 'substantive', date: '2023-11-23', positions: { RUS: 'yes' } }, allowed: ALL },
      { method: 'GET', route: '/api/correspondence', path: '/api/correspondence', allowed: READERS_OF_NOTES },
      { method: 'GET', route: '/api/correspondence/{id}', path: `/api/correspondence/${armNote}`, allowed: READERS_OF_NOTES },
      { method: 'GET', route: '/api/correspondence/{id}', path: `/api/correspondence/${rusNote}`, allowed: ['admin', 'officer', 'analyst'], hiddenFrom: ['delegate-arm'] },
      { method: 'POST', route: '/api/correspondence', path: '/api/correspondence', body: { sender: 'KAZ', authority: 'MFA', reference: 'K/2', dated: '2026-02-01', kind: 'other', subject: 'S', backdatingReason: 'entered late' }, allowed: SECRETARIAT },
      { method: 'GET', route: '/api/statements', path: '/api/statements?state=ARM', allowed: ALL },
      { method: 'POST', route: '/api/statements', path: '/api/statements', body: { speaker: 'A minister', state: 'ARM', venue: 'Press', saidOn: '2026-02-01', url: 'https://example.org/s', summary: 'Said something' }, allowed: [...SECRETARIAT, 'analyst'] },
      { method: 'GET', route: '/api/decisions', path: '/api/decisions', allowed: ALL },
      { method: 'POST', route: '/api/decisions', path: '/api/decisions', body: { title: { en: 'T', ru: 'Т' }, text: { en: 'X', ru: 'Х' }, body: 'permanent-council', question: 'procedural', initiator: 'Secretariat' }, allowed: SECRETARIAT },
      { method: 'GET', route: '/api/decisions/{id}', path: '/api/decisions/D-open', allowed: ['admin', 'officer', 'delegate-arm', 'analyst'], denied: 404 },
      { method: 'GET', route: '/api/decisions/{id}', path: '/api/decisions/D-hidden', allowed: ['admin', 'officer', 'analyst'], denied: 404 },
      { method: 'GET', route: '/api/decisions/{id}', path: '/api/decisions/D-closed', allowed: ALL },
      { method: 'POST', route: '/api/decisions/{id}/circulate', path: '/api/decisions/D-draft/circulate', body: { procedure: 'written', deadline: '2099-01-01T00:00:00Z' }, allowed: SECRETARIAT },
      { method: 'POST', route: '/api/decisions/{id}/positions', path: '/api/decisions/D-open/positions', body: { state: 'ARM', position: 'yes' }, allowed: [...SECRETARIAT, 'delegate-arm'] },
      { method: 'POST', route: '/api/decisions/{id}/positions', path: '/api/decisions/D-open/positions', body: { state: 'RUS', position: 'yes' }, allowed: SECRETARIAT },
      { method: 'POST', route: '/api/decisions/{id}/close', path: '/api/decisions/D-open/close', allowed: SECRETARIAT },
      { method: 'POST', route: '/api/decisions/{id}/accessions', path: '/api/decisions/D-closed/accessions', body: { state: 'ARM', accededOn: '2026-03-01' }, allowed: [...SECRETARIAT, 'delegate-arm'] },
      { method: 'POST', route: '/api/decisions/{id}/accessions', path: '/api/decisions/D-closed/accessions', body: { state: 'RUS', accededOn: '2026-03-01' }, allowed: SECRETARIAT },
      { method: 'GET', route: '/api/notifications', path: '/api/notifications', allowed: READERS_OF_NOTES },
      { method: 'POST', route: '/api/notifications/{decisionId}/{state}/acknowledgement', path: '/api/notifications/D-closed/ARM/acknowledgement', allowed: [...SECRETARIAT, 'delegate-arm'] },
      { method: 'POST', route: '/api/notifications/{decisionId}/{state}/acknowledgement', path: '/api/notifications/D-closed/RUS/acknowledgement', allowed: SECRETARIAT },
      { method: 'GET', route: '/api/sessions', path: '/api/sessions', allowed: ALL },
      { method: 'POST', route: '/api/sessions', path: '/api/sessions', body: { body: 'permanent-council', date: '2026-06-01', place: 'Moscow', temporaryChair: 'RUS' }, allowed: SECRETARIAT },
      { method: 'GET', route: '/api/sessions/{id}', path: '/api/sessions/S-open', allowed: ALL },
      { method: 'POST', route: '/api/sessions/{id}/items', path: '/api/sessions/S-open/items', body: { decisionId: 'D-draft' }, allowed: SECRETARIAT },
      { method: 'POST', route: '/api/sessions/{id}/attendance', path: '/api/sessions/S-open/attendance', body: { state: 'KAZ', present: true }, allowed: SECRETARIAT },
      { method: 'POST', route: '/api/sessions/{id}/no-objections', path: '/api/sessions/S-open/no-objections', body: { decisionId: 'D-draft', state: 'ARM', noteId: armNote }, allowed: SECRETARIAT },
      { method: 'POST', route: '/api/sessions/{id}/close', path: '/api/sessions/S-open/close', allowed: SECRETARIAT },
      { method: 'GET', route: '/api/ledger', path: '/api/ledger?limit=5', allowed: [...SECRETARIAT, 'analyst'] },
      { method: 'POST', route: '/api/ledger/verification', path: '/api/ledger/verification', allowed: SECRETARIAT },
      { method: 'GET', route: '/api/accounts', path: '/api/accounts', allowed: ['admin'] },
      { method: 'POST', route: '/api/accounts', path: '/api/accounts', body: { username: 'newcomer', role: 'analyst' }, allowed: ['admin'] },
      { method: 'POST', route: '/api/accounts/{username}/disable', path: '/api/accounts/nobody/disable', allowed: ['admin'] },
      { method: 'GET', route: '/api/tokens', path: '/api/tokens', allowed: ALL },
      // A token never mints another: issuing one needs a password session, whatever the role.
      { method: 'POST', route: '/api/tokens', path: '/api/tokens', body: { name: 'x', scopes: ['read'], expiresInDays: 1 }, allowed: [] },
      // An observer's token reads only; it revokes nothing, not even its own kind.
      { method: 'DELETE', route: '/api/tokens/{id}', path: `/api/tokens/${spareId}`, allowed: ALL.filter((u) => u !== 'observer') },
      { method: 'GET', route: '/metrics', path: '/metrics', allowed: ['admin'] },
    ];
    for (const matrix of MODULE_MATRICES) rows.push(...(await matrix(api)));
  });
  afterAll(() => api.close());

  it('covers every route the API documents, except signing in and the public ones', async () => {
    const doc = (await (await fetch(`${api.base}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const open = ['GET /api/health', 'GET /api/ready', '/api/session', 'POST /api/session/password', 'GET /ack/{token}', 'POST /ack/{token}', 'GET /api/events'];
    const covered = new Set(rows.map((r) => `${r.method} ${r.route}`));
    expect(documented.filter((d) => !open.some((o) => d.endsWith(o)) && !covered.has(d))).toEqual([]);
  });

  it.each(ROLE_ACCOUNTS.map((a) => a.username))('%s: allowed routes answer, the others are refused, logged and recorded', async (username) => {
    for (const row of rows) {
      const before = (await refusalsOf(api.concord, username)).length;
      const response = await call(api, username, row.method, row.path, row.body);
      const where = `${username} ${row.method} ${row.path}`;
      expect(response.status, where).toBeLessThan(500);
      if (row.allowed.includes(username)) {
        expect([401, 403], `${where}: ${JSON.stringify(response.body)}`).not.toContain(response.status);
        continue;
      }
      const expected = row.hiddenFrom?.includes(username) ? 404 : (row.denied ?? 403);
      expect(response.status, `${where}: ${JSON.stringify(response.body)}`).toBe(expected);
      expect(response.headers.get('content-type'), where).toContain('application/problem+json');
      if (expected === 403) {
        expect((await refusalsOf(api.concord, username)).length, `${where} is recorded`).toBe(before + 1);
        expect(api.logs.some((l) => l.msg === 'refused' && l.status === 403 && l.url === row.path && l.username === username), `${where} is logged`).toBe(true);
      }
    }
  });
});

describe('a delegate of Armenia', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi(sqlite);
    await registerOfficialNote(api.concord, { sender: 'RUS', authority: 'MFA', reference: 'R/9', dated: '2026-01-10', kind: 'other', subject: 'Restricted', backdatingReason: 'entered late' }, SYSTEM);
    await draftDecision(api.concord, { id: 'D-1', title: { en: 'T', ru: 'Т' }, text: { en: 'X', ru: 'Х' }, body: 'permanent-council', question: 'procedural', initiator: 'Secretariat' }, SYSTEM);
    await circulateDecision(api.concord, 'D-1', { procedure: 'written', deadline: new Date(Date.now() + 86_400_000).toISOString() }, SYSTEM);
  });
  afterAll(() => api.close());

  it('cannot record a position for Russia, and the attempt is recorded with the reason', async () => {
    const response = await call(api, 'delegate-arm', 'POST', '/api/decisions/D-1/positions', { state: 'RUS', position: 'no' });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ field: 'state', detail: 'a delegate of ARM may not act or read for RUS' });
    expect(await refusalsOf(api.concord, 'delegate-arm')).toContainEqual(expect.objectContaining({ command: 'decision:position', code: 'forbidden' }));
    const view = await call(api, 'officer', 'GET', '/api/decisions/D-1');
    expect(view.body.positions).toEqual({});
  });

  it('does not see Russia’s notes in the register, nor its notifications', async () => {
    const notes = await call(api, 'delegate-arm', 'GET', '/api/correspondence');
    expect(notes.body.notes).toEqual([]);
    const all = await call(api, 'officer', 'GET', '/api/correspondence');
    expect(all.body.notes).toHaveLength(1);
    const party = await call(api, 'delegate-arm', 'GET', '/api/registry/RUS');
    expect(party.body.notes).toEqual([]);
  });

  it('is refused with an expired token, and the refusal is logged', async () => {
    const issued = await issueToken(api.concord, 'delegate-arm', { name: 'short', scopes: ['read'], expiresInDays: 1 }, SYSTEM);
    if (!issued.ok) throw new Error(issued.refusal.message);
    api.clock.offsetMs = 2 * 86_400_000;
    try {
      const response = await fetch(`${api.base}/api/overview`, { headers: { authorization: `Bearer ${issued.value.secret}` } });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ detail: expect.stringContaining('expired') as string });
    } finally {
      api.clock.offsetMs = 0;
    }
    expect(api.logs.some((l) => l.msg === 'refused' && l.status === 401 && String(l.credentials).includes('expired'))).toBe(true);
  });

  it('is not the only one held to documents: the secretariat records a state’s position only from that state’s registered note', async () => {
    const missing = await call(api, 'officer', 'POST', '/api/decisions/D-1/positions', { state: 'TJK', position: 'yes', noteId: 'no-such-note' });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ field: 'noteId', detail: 'no note no-such-note from TJK is registered' });
    const notes = await call(api, 'officer', 'GET', '/api/correspondence');
    const russian = (notes.body.notes as { id: string }[])[0]?.id ?? '';
    const foreign = await call(api, 'officer', 'POST', '/api/decisions/D-1/positions', { state: 'TJK', position: 'yes', noteId: russian });
    expect(foreign.status).toBe(422);
  });

  it('tells an observer or another state’s delegate how a closed decision came out, not which note carried a position', async () => {
    const c = api.concord;
    await draftDecision(c, { id: 'D-noted', title: { en: 'Noted', ru: 'Отмечено' }, text: { en: 'X', ru: 'Х' }, body: 'permanent-council', question: 'procedural', initiator: 'Secretariat' }, SYSTEM);
    await circulateDecision(c, 'D-noted', { procedure: 'written', deadline: new Date(Date.now() + 86_400_000).toISOString() }, SYSTEM);
    const note = await registerOfficialNote(c, { sender: 'ARM', authority: 'Ministry of Foreign Affairs', reference: 'ARM/9', dated: '2026-01-11', kind: 'other', subject: 'Our objection', backdatingReason: 'entered late' }, SYSTEM);
    const armNote = note.ok ? note.value.id : '';
    const recorded = await call(api, 'officer', 'POST', '/api/decisions/D-noted/positions', { state: 'ARM', position: 'no', noteId: armNote });
    expect(recorded.body).toMatchObject({ id: 'D-noted' });
    for (const state of ['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']) await recordPosition(c, 'D-noted', { state, position: 'yes', document: { kind: 'delegate-entry', by: `delegate:${state}` } }, SYSTEM);
    expect((await call(api, 'officer', 'POST', '/api/decisions/D-noted/close', {})).body).toMatchObject({ status: 'closed' });
    const seen = async (username: string) => ((await call(api, username, 'GET', '/api/decisions/D-noted')).body.positions as Record<string, { position: string; document?: unknown }>).ARM;
    expect(await seen('officer')).toMatchObject({ position: 'no', document: { kind: 'note', noteId: armNote } });
    const observed = await seen('observer');
    expect(observed).toMatchObject({ position: 'no' });
    expect(observed).not.toHaveProperty('document');
    // Armenia's delegate sees its own note; Kazakhstan's sees Armenia's position, not its note.
    expect(await seen('delegate-arm')).toMatchObject({ document: { noteId: armNote } });
    expect(await seen('delegate-kaz')).not.toHaveProperty('document');
  });

  it('cannot use a read-only token to write', async () => {
    const issued = await issueToken(api.concord, 'delegate-arm', { name: 'reader', scopes: ['read'], expiresInDays: 1 }, SYSTEM);
    if (!issued.ok) throw new Error(issued.refusal.message);
    const response = await fetch(`${api.base}/api/decisions/D-1/positions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${issued.value.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'ARM', position: 'yes' }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ detail: expect.stringContaining('"write" scope') as string });
  });
});
