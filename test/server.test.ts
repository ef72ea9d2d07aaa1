/**
 * The HTTP server on a real port: health, the OpenAPI document, the registry, what-if questions,
 * problem details, and the acknowledgement link of a notification.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ackToken, addAgendaItem, closeSession, conveneSession, draftDecision, recordAttendance, registerOfficialNote, type Concord } from '../src/app/index.js';
import { startApi, type Api } from './support/api.js';
import { sqlite } from './support/stores.js';

describe('concord serve', () => {
  let api: Api;
  let concord: Concord;
  let base = '';
  const auth = (): Record<string, string> => ({ authorization: `Bearer ${api.tokens.analyst ?? ''}` });
  beforeAll(async () => {
    api = await startApi(sqlite);
    concord = api.concord;
    base = api.base;
  });
  afterAll(() => api.close());

  it('answers health once ready', async () => {
    const r = await fetch(`${base}/api/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ok', framework: 'csto' });
  });

  it('serves an OpenAPI 3.1 document describing its routes', async () => {
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/registry', '/api/decide', '/ack/{token}']));
  });

  it('gives the registry as of a date, as known on a date', async () => {
    const body = (await (await fetch(`${base}/api/registry?asOf=2024-03-28&knownAt=2024-03-28`, { headers: auth() })).json()) as { parties: { party: string; status: string; participation?: { participating: boolean } }[] };
    expect(body.parties.find((p) => p.party === 'ARM')).toMatchObject({ status: 'member', participation: { participating: false } });
  });

  it('answers a what-if question with the decide contract, and bad input with a problem naming the field', async () => {
    const ask = (question: unknown) => fetch(`${base}/api/decide`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify(question) });
    const good = await ask({ body: 'collective-security-council', question: 'substantive', date: '2023-11-23', positions: { BLR: 'yes', KAZ: 'yes', KGZ: 'yes', RUS: 'yes', TJK: 'yes' } });
    expect(await good.json()).toMatchObject({ outcome: 'contested', notBound: ['ARM'] });
    const bad = await ask({ body: 'collective-security-council', question: 'substantive', positions: { RUS: 'maybe' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(await bad.json()).toMatchObject({ status: 400, field: expect.stringContaining('positions') as string });
    const stranger = await ask({ body: 'collective-security-council', question: 'substantive', date: '2024-01-01', positions: { UZB: 'yes' } });
    expect(stranger.status).toBe(422);
    expect(await stranger.json()).toMatchObject({ field: 'positions.UZB' });
    const dates = await fetch(`${base}/api/registry?asOf=yesterday`, { headers: auth() });
    expect(await dates.json()).toMatchObject({ status: 400, field: 'asOf' });
  });

  it('narrows the register to one sender and one kind of note, refusing a kind it does not know', async () => {
    const note = { authority: 'MFA', dated: '2026-03-01', subject: 'On the budget', backdatingReason: 'entered late' };
    await registerOfficialNote(concord, { ...note, sender: 'ARM', reference: 'A/1', kind: 'no-objection-notice' }, { actor: 'test' });
    await registerOfficialNote(concord, { ...note, sender: 'ARM', reference: 'A/2', kind: 'other' }, { actor: 'test' });
    await registerOfficialNote(concord, { ...note, sender: 'BLR', reference: 'B/1', kind: 'no-objection-notice' }, { actor: 'test' });
    const notes = async (search: string) => ((await (await fetch(`${base}/api/correspondence${search}`, { headers: auth() })).json()) as { notes: { reference: string }[] }).notes.map((n) => n.reference);
    expect(await notes('?sender=ARM&kind=no-objection-notice')).toEqual(['A/1']);
    expect((await notes('?sender=ARM')).sort()).toEqual(['A/1', 'A/2']);
    const bad = await fetch(`${base}/api/correspondence?kind=telegram`, { headers: auth() });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: expect.stringContaining('kind') as string });
  });

  it('acknowledges a notification by its link only when the recipient confirms, once', async () => {
    await draftDecision(concord, { id: 'D-http', title: { en: 'T', ru: 'Т' }, text: { en: 'X', ru: 'Х' }, body: 'collective-security-council', question: 'substantive', initiator: 'Secretariat' }, { actor: 'test' });
    await conveneSession(concord, { id: 'S-http', body: 'collective-security-council', date: concord.today(), place: 'Moscow', temporaryChair: 'RUS' }, { actor: 'test' });
    await addAgendaItem(concord, 'S-http', 'D-http', { actor: 'test' });
    for (const s of ['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']) await recordAttendance(concord, 'S-http', s, true, { actor: 'test' });
    await closeSession(concord, 'S-http', { actor: 'test' });
    const link = `${base}/ack/${await ackToken(concord, 'D-http', 'ARM')}`;
    const notification = () => concord.database.db.selectFrom('projection_notifications').select('acknowledged_at').where('decision_id', '=', 'D-http').where('state', '=', 'ARM').executeTakeFirstOrThrow();
    // A mail scanner opening the link, twice: the page names the decision and records nothing.
    for (let opening = 0; opening < 2; opening++) {
      const opened = await fetch(link);
      expect(opened.status).toBe(200);
      const html = await opened.text();
      expect(html).toContain('Armenia');
      expect(html).toContain('<form method="post"><button');
    }
    expect((await notification()).acknowledged_at).toBeNull();
    // The recipient presses the button: the browser posts the empty form.
    const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' };
    const confirmed = await fetch(link, form);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Receipt acknowledged for ARM');
    expect((await notification()).acknowledged_at).not.toBeNull();
    expect((await fetch(link, form)).status).toBe(409);
    const reopened = await (await fetch(link)).text();
    expect(reopened).toContain('Receipt was acknowledged on');
    expect(reopened).not.toContain('<form');
    expect((await fetch(`${base}/ack/forged.token`)).status).toBe(404);
    expect((await fetch(`${base}/ack/forged.token`, form)).status).toBe(400);
  });

  it('answers any link, forged or hostile, with a 4xx and acknowledges nothing', async () => {
    const before = await concord.database.db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const signed = await ackToken(concord, 'D-none', 'ARM');
    const tokens = fc.oneof(fc.string({ maxLength: 600 }), fc.constant(signed), fc.constant(`${signed}x`), fc.base64String().map((b) => `${b}.${b}`));
    await fc.assert(
      fc.asyncProperty(tokens, fc.boolean(), async (token, post) => {
        const response = await fetch(`${base}/ack/${encodeURIComponent(token)}`, post ? { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' } : {});
        await response.arrayBuffer();
        expect(response.status, token).toBeGreaterThanOrEqual(400);
        expect(response.status, token).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    const after = await concord.database.db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('the concord serve command', () => {
  it('listens, answers health, and stops cleanly on SIGTERM', async () => {
    const place = await sqlite.fresh();
    const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'concord.js'), 'serve', '--port', '0', '--data', (place.config as { dataDir: string }).dataDir], { env: { ...process.env, DATABASE_URL: '' } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await expect.poll(() => out, { timeout: 15_000 }).toMatch(/at http:\/\/127\.0\.0\.1:\d+/);
    const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? '';
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    await place.cleanup();
  });

  it('keeps the first administrator for a start that can listen when the first cannot, and checks the port before the demo records anything', async () => {
    const place = await sqlite.fresh();
    const dataDir = (place.config as { dataDir: string }).dataDir;
    const concord = (...args: string[]) => spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'concord.js'), ...args, '--data', dataDir], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    const demo = concord('demo', '--port', 'abc');
    expect(demo.status).toBe(2);
    expect(demo.stderr).toBe('concord demo: --port: expected a port number, got "abc"\n');
    expect(concord('user', 'list').stdout).not.toContain('officer');
    // A port that is taken: the start fails, and no administrator is made whose password nobody saw.
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const busy = concord('serve', '--port', String((taken.address() as AddressInfo).port));
    taken.close();
    expect(busy.status).toBe(2);
    expect(busy.stdout).not.toContain('one-time password');
    const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'concord.js'), 'serve', '--port', '0', '--data', dataDir], { env: { ...process.env, DATABASE_URL: '' } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await expect.poll(() => out, { timeout: 15_000 }).toMatch(/one-time password \S+/);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
    await place.cleanup();
  });
});
