/**
 * Decisions from draft to notification, on each engine, against a real SMTP server and a real
 * HTTP receiver; then the documented history of 2022–2024 replayed as the secretariat works.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  accedeToDecision,
  acknowledge,
  ackToken,
  addAgendaItem,
  amendDecision,
  attachNoObjection,
  circulateDecision,
  closeDecision,
  closeSession,
  conveneSession,
  decisionState,
  deliverDue,
  desk,
  draftDecision,
  notificationsOf,
  partyRecordAt,
  recordAttendance,
  recordPosition,
  recordPublicStatement,
  keyedActor,
  registerOfficialNote,
  scheduleDeliveries,
  setContactPoint,
  smtpTransport,
  startConcord,
  webhookSecretOf,
  webhookTransport,
  type Concord,
  type Transports,
} from '../src/app/index.js';
import { verifyChain } from '../src/ledger/index.js';
import type { StoreConfig } from '../src/store/database.js';
import { startSmtp, startWebhookReceiver, type Received } from './support/receivers.js';
import { enginesToTest } from './support/stores.js';

const engines = await enginesToTest();

/** The Subject header of a raw message, with its MIME encoded-words decoded. */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return header.replace(/\r?\n[ \t]/g, '').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString() : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString(),
  );
}
/** The text of a message, whatever its transfer encoding. */
function textOf(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/^Content-Transfer-Encoding: base64/im.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString();
  if (!/^Content-Transfer-Encoding: quoted-printable/im.test(head)) return body;
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString();
}
const CSTO = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];
const officer = { actor: 'officer:test' };
/** The desk's list of acknowledgements overdue after a week, as the secretariat sees it. */
const overdueOf = async (c: Concord) => {
  const listed = await desk.overdue(c, desk.systemPrincipal('officer:test'), 7);
  if (!listed.ok) throw new Error(listed.refusal.message);
  return listed.value;
};
const delegate = (state: string) => ({ kind: 'delegate-entry' as const, by: `delegate:${state}` });
const draft = { title: { en: 'On the budget', ru: 'О бюджете' }, text: { en: 'The budget is approved.', ru: 'Бюджет утверждается.' }, body: 'collective-security-council', question: 'substantive', initiator: 'Secretariat' };

describe.each(engines)('decisions on $name', (engine) => {
  let now: Date;
  const clock = { now: () => now };
  const open: Concord[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  beforeEach(() => {
    now = new Date('2026-03-02T09:00:00Z');
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    await Promise.all(cleanups.splice(0).map((c) => c()));
  });
  async function start(config?: StoreConfig): Promise<{ c: Concord; config: StoreConfig }> {
    let place = config;
    if (!place) {
      const fresh = await engine.fresh();
      cleanups.push(fresh.cleanup);
      place = fresh.config;
    }
    const c = await startConcord({ store: place, clock });
    open.push(c);
    return { c, config: place };
  }
  async function receivers(failWebhookFirst = 0) {
    const smtp = await startSmtp();
    const hook = await startWebhookReceiver(failWebhookFirst);
    cleanups.push(smtp.stop, hook.stop);
    const transports: Transports = { email: smtpTransport(smtp.url, 'secretariat@csto.test'), webhook: webhookTransport };
    return { smtp, hook, transports };
  }
  async function contacts(c: Concord, webhook: string) {
    for (const state of CSTO) {
      const r = await setContactPoint(c, { state, authority: `Ministry of Foreign Affairs of ${state}`, email: `mfa@${state.toLowerCase()}.test`, webhook: `${webhook}/${state}`, language: state === 'RUS' ? 'ru' : 'en' }, officer);
      expect(r.ok).toBe(true);
    }
  }
  const deliver = (c: Concord, transports: Transports) => deliverDue(c, transports, { publicUrl: 'https://concord.test', backoffMs: 1000 });
  const keys = (received: readonly Received[]) => received.map((r) => r.key).sort();

  it('circulates a draft in writing, closes it at the deadline by timer, and notifies every member once, on every channel', async () => {
    const { c, config } = await start();
    const { smtp, hook, transports } = await receivers();
    await contacts(c, hook.url);
    const d = await draftDecision(c, { id: 'D-budget', ...draft }, officer);
    expect(d.ok).toBe(true);
    expect((await circulateDecision(c, 'D-budget', { procedure: 'written', deadline: '2026-03-09T12:00:00Z' }, officer)).ok).toBe(true);
    for (const state of ['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']) expect((await recordPosition(c, 'D-budget', { state, position: 'yes', document: delegate(state) }, officer)).ok).toBe(true);
    expect((await decisionState(c, 'D-budget'))?.status).toBe('circulating');

    now = new Date('2026-03-09T12:00:01Z');
    await c.close();
    open.splice(open.indexOf(c), 1);
    const { c: again } = await start(config);
    const closed = await decisionState(again, 'D-budget');
    expect(closed?.status).toBe('closed');
    expect(closed?.result).toMatchObject({ outcome: 'contested', notBound: ['ARM'], notify: CSTO });
    expect((await deliver(again, transports)).delivered).toBe(12);
    expect(keys(smtp.received)).toEqual(CSTO.map((s) => `D-budget:${s}:email@concord`));
    expect(keys(hook.received)).toEqual(CSTO.map((s) => `D-budget:${s}:webhook`));
    expect(await deliver(again, transports)).toEqual({ delivered: 0, failed: 0 });
    expect(smtp.received).toHaveLength(6);
    expect(smtp.received.find((r) => r.to === 'mfa@arm.test')?.body).toContain('https://concord.test/ack/');
    expect(subjectOf(smtp.received.find((r) => r.to === 'mfa@rus.test')?.body ?? '')).toContain('Решение: О бюджете — принято, оспаривается');
    expect(subjectOf(smtp.received.find((r) => r.to === 'mfa@arm.test')?.body ?? '')).toContain('Decision: On the budget — adopted, contested');
    // The findings follow the member's language, with the same articles.
    const russian = textOf(smtp.received.find((r) => r.to === 'mfa@rus.test')?.body ?? '');
    expect(russian).toMatch(/· ARM: отсутствие без какого-либо уведомления\. Молчание не означает согласия.*\[/);
    expect(russian).not.toContain('Silence is not consent');
    expect(textOf(smtp.received.find((r) => r.to === 'mfa@arm.test')?.body ?? '')).toContain('Silence is not consent');
  });

  it('a receiver that fails three times and then recovers receives the notification once; every attempt is recorded', async () => {
    const { c } = await start();
    const { hook, transports } = await receivers(3);
    await setContactPoint(c, { state: 'ARM', authority: 'MFA of Armenia', webhook: `${hook.url}/ARM`, language: 'en' }, officer);
    await draftDecision(c, { id: 'D-1', ...draft }, officer);
    await conveneAndClose(c, 'D-1', { ARM: true, BLR: true, KAZ: true, KGZ: true, RUS: true, TJK: true });
    for (let round = 0; round < 6; round++) {
      await deliver(c, { webhook: transports.webhook });
      now = new Date(now.getTime() + 60_000);
    }
    expect(hook.requests()).toBe(4);
    expect(keys(hook.received)).toEqual(['D-1:ARM:webhook']);
    const attempts = await c.database.db.selectFrom('outbox_attempts').selectAll().orderBy('attempt').execute();
    expect(attempts.map((a) => a.outcome)).toEqual(['failed', 'failed', 'failed', 'delivered']);
    const headers = hook.headers[0] ?? {};
    const secret = (await webhookSecretOf(c, 'ARM')) ?? '';
    const body = hook.received[0]?.body ?? '';
    expect(headers['x-concord-signature']).toBe(`sha256=${createHmac('sha256', secret).update(`${headers['x-concord-timestamp'] ?? ''}.${body}`).digest('hex')}`);
    expect((await notificationsOf(c, 'D-1')).find((n) => n.state === 'ARM')?.delivered_at).not.toBeNull();
  });

  it('a running worker delivers on its own, and retries when the receiver comes back', async () => {
    const { c } = await start();
    const { hook } = await receivers(2);
    await setContactPoint(c, { state: 'KAZ', authority: 'MFA of Kazakhstan', webhook: `${hook.url}/KAZ`, language: 'ru' }, officer);
    await draftDecision(c, { id: 'D-w', ...draft }, officer);
    const worker = scheduleDeliveries(c, { webhook: webhookTransport }, { publicUrl: 'https://concord.test', backoffMs: 10, intervalMs: 20 });
    try {
      await conveneAndClose(c, 'D-w', { ARM: true, BLR: true, KAZ: true, KGZ: true, RUS: true, TJK: true });
      await expect.poll(() => { now = new Date(now.getTime() + 1000); return keys(hook.received); }, { timeout: 5000, interval: 30 }).toEqual(['D-w:KAZ:webhook']);
    } finally {
      await worker.stop();
    }
  });

  it('acknowledgement by a single-use link; a used, forged or foreign link is refused and the attempt recorded', async () => {
    const { c } = await start();
    await draftDecision(c, { id: 'D-2', ...draft }, officer);
    await conveneAndClose(c, 'D-2', { ARM: false, BLR: true, KAZ: true, KGZ: true, RUS: true, TJK: true });
    const token = await ackToken(c, 'D-2', 'ARM');
    expect(await acknowledge(c, { token, asState: 'RUS' }, officer)).toMatchObject({ ok: false, refusal: { field: 'token', message: expect.stringContaining('issued to ARM') as string } });
    expect(await acknowledge(c, { token }, officer)).toMatchObject({ ok: true, value: { state: 'ARM', via: 'link' } });
    expect(await acknowledge(c, { token }, officer)).toMatchObject({ ok: false, refusal: { message: expect.stringContaining('already acknowledged') as string } });
    expect(await acknowledge(c, { token: `${token.slice(0, -2)}xx` }, officer)).toMatchObject({ ok: false, refusal: { field: 'token' } });
    expect(await acknowledge(c, { decisionId: 'D-2', state: 'RUS' }, { actor: 'delegate:RUS' })).toMatchObject({ ok: true, value: { via: 'delegate' } });
    const refusals = await c.database.db.selectFrom('ledger_entries').select('type').where('stream_id', '=', 'refusals').execute();
    expect(refusals).toHaveLength(3);
    now = new Date('2026-03-20T00:00:00Z');
    expect((await overdueOf(c)).map((n) => n.state)).toEqual(['BLR', 'KAZ', 'KGZ', 'TJK']);
  });

  it('refuses a position from a state not on the body, after the deadline, or given twice differently, and changes nothing', async () => {
    const { c } = await start();
    await draftDecision(c, { id: 'D-3', ...draft }, officer);
    await circulateDecision(c, 'D-3', { procedure: 'written', deadline: '2026-03-05T12:00:00Z' }, officer);
    const before = (await decisionState(c, 'D-3'))?.positions;
    const refused = [
      await recordPosition(c, 'D-3', { state: 'UZB', position: 'yes', document: delegate('UZB') }, officer),
      await recordPosition(c, 'D-3', { state: 'KAZ', position: 'yes', at: '2026-03-05T12:00:01Z', document: delegate('KAZ') }, officer),
    ];
    expect((await recordPosition(c, 'D-3', { state: 'BLR', position: 'yes', document: delegate('BLR') }, officer)).ok).toBe(true);
    expect((await recordPosition(c, 'D-3', { state: 'BLR', position: 'yes', document: delegate('BLR') }, officer)).ok).toBe(true);
    refused.push(await recordPosition(c, 'D-3', { state: 'BLR', position: 'no', document: delegate('BLR') }, officer));
    const withoutBody = await draftDecision(c, { ...draft, body: '' }, officer);
    expect([...refused, withoutBody].map((r) => (r.ok ? 'accepted' : r.refusal.field))).toEqual(['state', 'at', 'position', 'body']);
    expect(Object.keys((await decisionState(c, 'D-3'))?.positions ?? {})).toEqual([...Object.keys(before ?? {}), 'BLR']);
    expect(await c.database.db.selectFrom('ledger_entries').select('seq').where('stream_id', '=', 'refusals').execute()).toHaveLength(4);
  });

  it('keeps every version of an amended draft, and a member that stayed out may accede later', async () => {
    const { c } = await start();
    await draftDecision(c, { id: 'D-4', ...draft }, officer);
    await amendDecision(c, 'D-4', { text: { en: 'The budget for 2027 is approved.', ru: 'Бюджет на 2027 год утверждается.' } }, officer);
    await conveneAndClose(c, 'D-4', { ARM: false, BLR: true, KAZ: true, KGZ: true, RUS: true, TJK: true });
    const closed = await decisionState(c, 'D-4');
    expect(closed).toMatchObject({ version: 2, result: { outcome: 'contested', notBound: ['ARM'] } });
    const versions = await c.database.db.selectFrom('ledger_entries').select('type').where('stream_id', '=', 'decision-D-4').execute();
    expect(versions.map((v) => v.type)).toEqual(['DraftCreated', 'DraftAmended', 'DraftTabled', 'DecisionClosed']);
    // An accession is dated neither before the decision was taken nor after the day it is recorded.
    const dated = (accededOn: string) => accedeToDecision(c, 'D-4', { state: 'ARM', accededOn, document: delegate('ARM') }, officer);
    expect(await dated('2026-03-01')).toMatchObject({ ok: false, refusal: { field: 'accededOn', message: expect.stringContaining('taken on 2026-03-02') as string } });
    expect(await dated('2026-04-01')).toMatchObject({ ok: false, refusal: { field: 'accededOn', message: expect.stringContaining('after today') as string } });
    expect(await dated('2026-03-04')).toMatchObject({ ok: false, refusal: { field: 'accededOn' } });
    expect((await dated('2026-03-02')).ok).toBe(true);
    expect((await decisionState(c, 'D-4'))?.acceded).toEqual(['ARM']);
    expect((await accedeToDecision(c, 'D-4', { state: 'RUS', accededOn: '2026-03-02', document: delegate('RUS') }, officer)).ok).toBe(false);
  });

  it('a silence procedure whose deadline passes while Concord is down is closed at start with the right outcome', async () => {
    const { c, config } = await start();
    await draftDecision(c, { id: 'D-5', ...draft, question: 'procedural' }, officer);
    await circulateDecision(c, 'D-5', { procedure: 'silence', deadline: '2026-03-04T18:00:00Z' }, officer);
    await recordPosition(c, 'D-5', { state: 'KGZ', position: 'no', at: '2026-03-04T18:00:05Z', document: delegate('KGZ') }, officer).then((r) => { expect(r.ok).toBe(false); });
    await c.close();
    open.splice(open.indexOf(c), 1);
    now = new Date('2026-03-06T08:00:00Z');
    const { c: restarted } = await start(config);
    expect((await decisionState(restarted, 'D-5'))?.result).toMatchObject({ outcome: 'adopted', reason: 'silence-kept' });
    const timerEntry = await restarted.database.db.selectFrom('ledger_entries').select(['actor', 'type']).where('stream_id', '=', 'decision-D-5').where('type', '=', 'DecisionClosed').executeTakeFirst();
    expect(timerEntry?.actor).toBe('concord:timer');
  });

  it('the documented history: Kazakhstan 2022, Minsk 2023, the 2024 budget in limited format, and a statement that changes nothing', async () => {
    now = new Date('2022-01-05T10:00:00Z');
    const { c } = await start();
    // 5 January 2022: Kazakhstan's request for assistance, registered as an official note.
    const request = await registerOfficialNote(c, { sender: 'KAZ', authority: 'President of the Republic of Kazakhstan', reference: 'appeal of 5 January 2022', dated: '2022-01-05', kind: 'other', subject: 'Request for assistance under Art. 4 of the Collective Security Treaty' }, officer);
    expect(request.ok).toBe(true);
    // 6 January 2022: the Council decides the next day, in an extraordinary session chaired by Armenia.
    now = new Date('2022-01-06T08:00:00Z');
    await draftDecision(c, { id: 'D-2022-deploy', ...draft, title: { en: 'On sending collective peacekeeping forces to Kazakhstan', ru: 'О направлении Коллективных миротворческих сил ОДКБ в Республику Казахстан' } }, officer);
    const session = await conveneSession(c, { id: 'S-2022-01-06', body: 'collective-security-council', date: '2022-01-06', place: 'by video link' }, officer);
    expect(session).toMatchObject({ ok: true, value: { state: { chair: 'ARM' } } });
    await addAgendaItem(c, 'S-2022-01-06', 'D-2022-deploy', officer);
    for (const state of CSTO) await recordAttendance(c, 'S-2022-01-06', state, true, officer);
    await closeSession(c, 'S-2022-01-06', officer);
    expect((await decisionState(c, 'D-2022-deploy'))?.result).toMatchObject({ outcome: 'adopted', reason: 'consensus', bound: CSTO });
    // 12 January 2022: the termination draft circulated in written procedure.
    now = new Date('2022-01-12T10:00:00Z');
    await draftDecision(c, { id: 'D-2022-end', ...draft, title: { en: 'On ending the peacekeeping operation in Kazakhstan', ru: 'О завершении миротворческой операции в Республике Казахстан' } }, officer);
    expect((await circulateDecision(c, 'D-2022-end', { procedure: 'written', deadline: '2022-01-13T12:00:00Z' }, officer)).ok).toBe(true);
    for (const state of CSTO) await recordPosition(c, 'D-2022-end', { state, position: 'yes', document: delegate(state) }, officer);
    expect((await closeDecision(c, 'D-2022-end', officer)).ok).toBe(true);
    expect((await decisionState(c, 'D-2022-end'))?.result).toMatchObject({ outcome: 'adopted' });

    // 23 November 2023, Minsk: adopted without Armenia, and sent to Yerevan.
    now = new Date('2023-11-23T08:00:00Z');
    await draftDecision(c, { id: 'D-2023-minsk', ...draft }, officer);
    const minsk = await conveneSession(c, { id: 'S-2023-minsk', body: 'collective-security-council', date: '2023-11-23', place: 'Minsk' }, officer);
    expect(minsk).toMatchObject({ ok: true, value: { state: { chair: 'BLR' } } });
    await addAgendaItem(c, 'S-2023-minsk', 'D-2023-minsk', officer);
    for (const state of CSTO) await recordAttendance(c, 'S-2023-minsk', state, state !== 'ARM', officer);
    await closeSession(c, 'S-2023-minsk', officer);
    const minskResult = (await decisionState(c, 'D-2023-minsk'))?.result;
    expect(minskResult).toMatchObject({ outcome: 'contested', notBound: ['ARM'] });
    expect((await notificationsOf(c, 'D-2023-minsk')).map((n) => n.state)).toEqual(CSTO);

    // 2024: the budget decision adopted in limited format on Armenia's no-objection notice.
    now = new Date('2024-05-31T08:00:00Z');
    const note = await registerOfficialNote(c, { sender: 'ARM', authority: 'Ministry of Foreign Affairs of Armenia', reference: 'NV/2024/112', dated: '2024-05-30', kind: 'no-objection-notice', subject: 'Does not object to adoption in limited format' }, officer);
    expect(note.ok).toBe(true);
    await draftDecision(c, { id: 'D-2024-almaty', ...draft, body: 'council-of-defence-ministers' }, officer);
    await conveneSession(c, { id: 'S-2024-almaty', body: 'council-of-defence-ministers', date: '2024-05-31', place: 'Almaty' }, officer);
    await addAgendaItem(c, 'S-2024-almaty', 'D-2024-almaty', officer);
    for (const state of CSTO) await recordAttendance(c, 'S-2024-almaty', state, state !== 'ARM', officer);
    expect((await attachNoObjection(c, 'S-2024-almaty', 'D-2024-almaty', 'ARM', note.ok ? note.value.id : '', officer)).ok).toBe(true);
    await closeSession(c, 'S-2024-almaty', officer);
    expect((await decisionState(c, 'D-2024-almaty'))?.result).toMatchObject({ outcome: 'adopted', reason: 'adopted-limited-format', notBound: ['ARM'] });

    // Armenia's "freeze", said in public, is recorded as a statement; its standing does not move.
    await recordPublicStatement(c, { speaker: 'Nikol Pashinyan, Prime Minister', state: 'ARM', venue: 'France 24', saidOn: '2024-02-22', url: 'https://www.france24.com/en/', summary: 'participation in the CSTO is frozen' }, officer);
    const armenia = await partyRecordAt(c, 'ARM', { asOf: '2024-05-31', knownAt: '2024-05-31' });
    expect(armenia.standing).toMatchObject({ status: 'member', participation: { participating: false } });
    expect(armenia.statements).toHaveLength(1);

    // 2026: Russia chairs; with Armenia not taking part in 2027, a temporary chair must be named.
    expect(await conveneSession(c, { body: 'collective-security-council', date: '2028-11-01', place: 'Yerevan' }, officer)).toMatchObject({ ok: false, refusal: { field: 'temporaryChair' } });
    expect(await conveneSession(c, { body: 'collective-security-council', date: '2028-11-01', place: 'Moscow', temporaryChair: 'RUS' }, officer)).toMatchObject({ ok: true, value: { state: { chair: 'RUS' } } });
    expect(await verifyChain(c.database)).toMatchObject({ ok: true });
  });

  it('counts presence as consent only under consensus: at the Security Council a member present casts no vote', async () => {
    const place = await engine.fresh();
    cleanups.push(place.cleanup);
    now = new Date('2024-06-03T09:00:00Z');
    const c = await startConcord({ store: place.config, clock, framework: 'un-security-council' });
    open.push(c);
    await draftDecision(c, { id: 'D-sc', ...draft, body: 'security-council' }, officer);
    await conveneSession(c, { id: 'S-sc', body: 'security-council', date: '2024-06-03', place: 'New York' }, officer);
    await addAgendaItem(c, 'S-sc', 'D-sc', officer);
    for (const state of ['USA', 'GBR', 'FRA', 'CHN']) await recordAttendance(c, 'S-sc', state, true, officer);
    await recordPosition(c, 'D-sc', { state: 'USA', position: 'yes', document: delegate('USA') }, officer);
    await closeSession(c, 'S-sc', officer);
    expect((await decisionState(c, 'D-sc'))?.result).toMatchObject({ outcome: 'rejected', reason: 'majority-not-reached', tally: { yes: 1, abstain: 3 } });
  });

  it('closes a session whole or not at all: an item that cannot be closed leaves every item open', async () => {
    const place = await engine.fresh();
    cleanups.push(place.cleanup);
    now = new Date('2025-03-03T09:00:00Z');
    const c = await startConcord({ store: place.config, clock, framework: 'eu-council' });
    open.push(c);
    await draftDecision(c, { id: 'D-u', ...draft, body: 'council', question: 'unanimity' }, officer);
    await draftDecision(c, { id: 'D-q', ...draft, body: 'council', question: 'qmv' }, officer);
    await conveneSession(c, { id: 'S-eu', body: 'council', date: '2025-03-03', place: 'Brussels' }, officer);
    await addAgendaItem(c, 'S-eu', 'D-u', officer);
    await addAgendaItem(c, 'S-eu', 'D-q', officer);
    const closed = await closeSession(c, 'S-eu', officer);
    expect(closed).toMatchObject({ ok: false, refusal: { field: expect.stringMatching(/^D-q\.data\.population\./) as string } });
    expect([(await decisionState(c, 'D-u'))?.status, (await decisionState(c, 'D-q'))?.status]).toEqual(['tabled', 'tabled']);
  });

  it('reads deadlines with their time zone and keeps them in UTC; an impossible one is refused', async () => {
    const { c } = await start();
    await draftDecision(c, { id: 'D-tz', ...draft }, officer);
    expect(await circulateDecision(c, 'D-tz', { procedure: 'written', deadline: '2026-03-31T25:00:00+01:00' }, officer)).toMatchObject({ ok: false, refusal: { field: 'deadline' } });
    expect((await circulateDecision(c, 'D-tz', { procedure: 'written', deadline: '2026-03-10T13:00:00+01:00' }, officer)).ok).toBe(true);
    expect((await decisionState(c, 'D-tz'))?.deadline).toBe('2026-03-10T12:00:00.000Z');
  });

  it('a point of contact set after the decision still gets the notification', async () => {
    const { c } = await start();
    const { hook, transports } = await receivers();
    await draftDecision(c, { id: 'D-late', ...draft }, officer);
    await conveneAndClose(c, 'D-late', { ARM: true, BLR: true, KAZ: true, KGZ: true, RUS: true, TJK: true });
    await setContactPoint(c, { state: 'TJK', authority: 'MFA of Tajikistan', webhook: `${hook.url}/TJK`, language: 'ru' }, officer);
    await deliver(c, transports);
    expect(keys(hook.received)).toEqual(['D-late:TJK:webhook']);
  });

  it('a slow worker whose lease ran out cannot reopen a notification another worker delivered', async () => {
    const { c } = await start();
    const { hook } = await receivers();
    await setContactPoint(c, { state: 'BLR', authority: 'MFA of Belarus', webhook: `${hook.url}/BLR`, language: 'ru' }, officer);
    await draftDecision(c, { id: 'D-race', ...draft }, officer);
    await conveneAndClose(c, 'D-race', { ARM: true, BLR: true, KAZ: true, KGZ: true, RUS: true, TJK: true });
    let release: (reason: Error) => void = () => undefined;
    const stuck = new Promise<never>((_, reject) => (release = reject));
    const slow = deliverDue(c, { webhook: () => stuck }, { publicUrl: 'https://concord.test', leaseMs: 1000 });
    await expect.poll(async () => (await c.database.db.selectFrom('outbox_deliveries').select('status').executeTakeFirst())?.status).toBe('sending');
    now = new Date(now.getTime() + 5000);
    expect(await deliverDue(c, { webhook: webhookTransport }, { publicUrl: 'https://concord.test', leaseMs: 1000 })).toEqual({ delivered: 1, failed: 0 });
    release(new Error('timed out'));
    await slow;
    expect(await c.database.db.selectFrom('outbox_deliveries').select(['status', 'attempts']).execute()).toEqual([{ status: 'delivered', attempts: 2 }]);
    now = new Date(now.getTime() + 3_600_000);
    expect(await deliverDue(c, { webhook: webhookTransport }, { publicUrl: 'https://concord.test' })).toEqual({ delivered: 0, failed: 0 });
    expect(keys(hook.received)).toEqual(['D-race:BLR:webhook']);
  });

  it('a note sent again with the same idempotency key is recorded once', async () => {
    const { c } = await start();
    const note = { sender: 'BLR', authority: 'MFA', reference: '77', dated: '2026-03-01', kind: 'other' as const, subject: 'Budget' };
    const first = await registerOfficialNote(c, note, { ...officer, idempotencyKey: 'note-77' });
    const again = await registerOfficialNote(c, note, { ...officer, idempotencyKey: 'note-77' });
    expect(again.ok && first.ok && again.value.id).toBe(first.ok && first.value.id);
    expect(await c.database.db.selectFrom('projection_correspondence').select('id').execute()).toHaveLength(1);
  });

  it('binds a caller\'s key to its request: the same again is answered, another refused, a key recorded as given kept, a key differing in case distinct', async () => {
    const { c } = await start();
    const note = { sender: 'BLR', authority: 'MFA', reference: '78', dated: '2026-03-01', kind: 'other' as const, subject: 'Budget' };
    const keyed = async (key: string, request: unknown) => {
      const actor = await keyedActor(c, { ...officer, idempotencyKey: key }, request, 'register note');
      return actor.ok ? actor.value.idempotencyKey : `refused: ${actor.refusal.message}`;
    };
    const first = await keyed('ab', { reference: '78' });
    expect(first).toMatch(/^ab#[0-9a-f]{64}$/);
    expect((await registerOfficialNote(c, note, { ...officer, idempotencyKey: first })).ok).toBe(true);
    expect(await keyed('ab', { reference: '78' })).toBe(first);
    expect(await keyed('ab', { reference: '79' })).toBe('refused: key "ab" was already used for a different request');
    expect(await keyed('Ab', { reference: '79' })).toMatch(/^Ab#/);
    // Recorded under the key itself, as before keys carried a fingerprint.
    expect((await registerOfficialNote(c, { ...note, reference: '80' }, { ...officer, idempotencyKey: 'legacy-1' })).ok).toBe(true);
    expect(await keyed('legacy-1', { reference: '80' })).toBe('legacy-1');
  });

  async function conveneAndClose(c: Concord, decisionId: string, attendance: Record<string, boolean>): Promise<void> {
    const s = await conveneSession(c, { body: 'collective-security-council', date: c.today(), place: 'Moscow', temporaryChair: 'RUS' }, officer);
    if (!s.ok) throw new Error(s.refusal.message);
    expect((await addAgendaItem(c, s.value.id, decisionId, officer)).ok).toBe(true);
    for (const [state, present] of Object.entries(attendance)) await recordAttendance(c, s.value.id, state, present, officer);
    expect((await closeSession(c, s.value.id, officer)).ok).toBe(true);
  }
});
