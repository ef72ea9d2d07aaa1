/**
 * The HTTP server on a real port: health, the OpenAPI document, the registry, what-if questions,
 * problem details, and the acknowledgement link of a notification.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ackToken, addAgendaItem, closeSession, conveneSession, draftDecision, recordAttendance, type Concord } from '../src/app/index.js';
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

  it('acknowledges a notification by its link, once', async () => {
    await draftDecision(concord, { id: 'D-http', title: { en: 'T', ru: 'Т' }, text: { en: 'X', ru: 'Х' }, body: 'collective-security-council', question: 'substantive', initiator: 'Secretariat' }, { actor: 'test' });
    await conveneSession(concord, { id: 'S-http', body: 'collective-security-council', date: concord.today(), place: 'Moscow', temporaryChair: 'RUS' }, { actor: 'test' });
    await addAgendaItem(concord, 'S-http', 'D-http', { actor: 'test' });
    for (const s of ['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']) await recordAttendance(concord, 'S-http', s, true, { actor: 'test' });
    await closeSession(concord, 'S-http', { actor: 'test' });
    const link = `${base}/ack/${await ackToken(concord, 'D-http', 'ARM')}`;
    const first = await fetch(link);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Receipt acknowledged for ARM');
    expect((await fetch(link)).status).toBe(409);
    expect((await fetch(`${base}/ack/forged.token`)).status).toBe(400);
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
});
