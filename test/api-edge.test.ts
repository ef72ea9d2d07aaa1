/**
 * The HTTP edge, as an attacker's review tried it: a stranger learns nothing of a route's schema,
 * text that is not well-formed is refused by name, nothing is coerced into the type a field
 * wants, what a reader may not see is indistinguishable from what does not exist, a link is
 * believed only as issued, and behind a proxy only the proxies named are believed.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ackToken, addAgendaItem, closeSession, conveneSession, draftDecision, registerOfficialNote, recordAttendance, startConcord } from '../src/app/index.js';
import { serve } from '../src/cli/serve-command.js';
import { parseTrustedProxies } from '../src/server/proxies.js';
import { call, PASSWORD, startApi, type Api } from './support/api.js';
import { sqlite } from './support/stores.js';

const SYSTEM = { actor: 'test' };
const DRAFT = { title: { en: 'T', ru: 'Т' }, text: { en: 'X', ru: 'Х' }, body: 'permanent-council', question: 'procedural', initiator: 'Secretariat' };

/** A request with its body as written, so that JSON escapes reach the server as sent. */
async function send(api: Api, username: string | undefined, path: string, json: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${api.base}${path}`, {
    method: 'POST',
    headers: { ...(username ? { authorization: `Bearer ${api.tokens[username] ?? ''}` } : {}), 'content-type': 'application/json' },
    body: json,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the edge of the API', () => {
  let api: Api;
  let kazNote = '';
  beforeAll(async () => {
    api = await startApi(sqlite);
    await draftDecision(api.concord, { id: 'D-draft', ...DRAFT }, SYSTEM);
    const note = await registerOfficialNote(api.concord, { sender: 'KAZ', authority: 'Ministry of Foreign Affairs', reference: 'KAZ/1', dated: api.concord.today(), kind: 'other', subject: 'A note of Kazakhstan' }, SYSTEM);
    if (!note.ok) throw new Error(note.refusal.message);
    kazNote = note.value.id;
  });
  afterAll(() => api.close());

  it('refuses a stranger with 401 before reading the body, so the answer tells nothing of the schema', async () => {
    for (const body of ['{}', '{"title":', 'null']) {
      const answer = await send(api, undefined, '/api/decisions', body);
      expect(answer.status, body).toBe(401);
      expect(answer.body, body).toMatchObject({ status: 401, field: 'Authorization' });
      expect(answer.body.detail, body).toBe('sign in (POST /api/session) or send "Authorization: Bearer <token>"');
    }
    expect((await send(api, undefined, '/api/session/password', '{}')).status).toBe(401);
    const forged = await fetch(`${api.base}/api/decisions`, { method: 'POST', headers: { authorization: 'Bearer concord_x_y', 'content-type': 'application/json' }, body: '{}' });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toContain('Bearer');
    // The public routes stay public, and a signed-in writer still hears what the body lacks.
    expect((await fetch(`${api.base}/api/health`)).status).toBe(200);
    expect((await send(api, undefined, '/api/session', '{}')).status).toBe(400);
    expect(await send(api, 'officer', '/api/decisions', '{}')).toMatchObject({ status: 400, body: { field: 'title' } });
  });

  it('answers a lone surrogate anywhere in the text with a 400 naming the field', async () => {
    const draft = (title: string) => `{"title":${title},"text":{"en":"a","ru":"б"},"body":"permanent-council","question":"procedural","initiator":"Secretariat"}`;
    expect(await send(api, 'officer', '/api/decisions', draft('{"en":"\\ud800","ru":"б"}'))).toMatchObject({ status: 400, body: { field: 'title.en', detail: expect.stringContaining('title.en') as string } });
    expect(await send(api, 'officer', '/api/decisions', draft('{"en":"a","ru":"б\\udfff"}'))).toMatchObject({ status: 400, body: { field: 'title.ru' } });
    const note = '{"sender":"KAZ","authority":"a\\ud800b","reference":"r","dated":"2026-01-10","kind":"other","subject":"s"}';
    expect(await send(api, 'officer', '/api/correspondence', note)).toMatchObject({ status: 400, body: { field: 'authority' } });
    // In a property's name, the field is named by its escapes.
    const decide = '{"body":"collective-security-council","question":"substantive","date":"2023-11-23","positions":{"\\ud800":"yes"}}';
    expect(await send(api, 'analyst', '/api/decide', decide)).toMatchObject({ status: 400, body: { field: 'positions.\\ud800' } });
    // A pair is a character: an emoji is text like any other.
    expect((await send(api, 'officer', '/api/decisions', draft('{"en":"Peace \\ud83d\\udd4a","ru":"Мир"}'))).status).toBe(201);
  });

  it('coerces nothing in a body: null, a number or an array for another type is a 400 naming the field', async () => {
    expect(await send(api, 'officer', '/api/sessions/S-none/attendance', '{"state":"KAZ","present":null}')).toMatchObject({ status: 400, body: { field: 'present' } });
    expect(await send(api, 'officer', '/api/sessions/S-none/attendance', '{"state":"KAZ","present":"true"}')).toMatchObject({ status: 400, body: { field: 'present' } });
    const draft = '{"title":{"en":5,"ru":"б"},"text":{"en":"a","ru":"б"},"body":"permanent-council","question":"procedural","initiator":"Secretariat"}';
    expect(await send(api, 'officer', '/api/decisions', draft)).toMatchObject({ status: 400, body: { field: 'title.en' } });
    const note = '{"sender":["KAZ"],"authority":"a","reference":"r","dated":"2026-01-10","kind":"other","subject":"s"}';
    expect(await send(api, 'officer', '/api/correspondence', note)).toMatchObject({ status: 400, body: { field: 'sender' } });
    const token = '{"name":"sync","scopes":["read"],"expiresInDays":"30"}';
    expect(await send(api, 'officer', '/api/tokens', token)).toMatchObject({ status: 400, body: { field: 'expiresInDays' } });
  });

  it('reads numbers and yes/no from a query’s text, but not one value from a parameter given twice', async () => {
    expect((await call(api, 'admin', 'GET', '/api/notifications?pending=true')).status).toBe(200);
    expect((await call(api, 'admin', 'GET', '/api/ledger?limit=2')).body.entries).toHaveLength(2);
    expect(await call(api, 'admin', 'GET', '/api/notifications?pending=true&pending=true')).toMatchObject({ status: 400, body: { field: 'pending' } });
    expect(await call(api, 'admin', 'GET', '/api/correspondence?sender=KAZ&sender=KAZ')).toMatchObject({ status: 400, body: { field: 'sender' } });
  });

  it('answers a delegate about a draft, or another state’s note, exactly as about an id that names nothing', async () => {
    const position = { state: 'ARM', position: 'yes' };
    const draft = await call(api, 'delegate-arm', 'POST', '/api/decisions/D-draft/positions', position);
    const missing = await call(api, 'delegate-arm', 'POST', '/api/decisions/D-missing/positions', position);
    expect(draft).toMatchObject({ status: 404, body: { field: 'id', detail: 'no decision D-draft' } });
    expect(missing).toMatchObject({ status: 404, body: { field: 'id', detail: 'no decision D-missing' } });
    expect({ ...draft.body, detail: '' }).toEqual({ ...missing.body, detail: '' });
    const accession = await call(api, 'delegate-arm', 'POST', '/api/decisions/D-draft/accessions', { state: 'ARM', accededOn: '2026-01-10' });
    expect(accession).toMatchObject({ status: 404, body: { detail: 'no decision D-draft' } });
    const foreign = await call(api, 'delegate-arm', 'GET', `/api/correspondence/${kazNote}`);
    const none = await call(api, 'delegate-arm', 'GET', '/api/correspondence/N-missing');
    expect(foreign).toMatchObject({ status: 404, body: { field: 'id', detail: `no note ${kazNote}` } });
    expect({ ...foreign.body, detail: '' }).toEqual({ ...none.body, detail: '' });
    expect((await call(api, 'delegate-kaz', 'GET', `/api/correspondence/${kazNote}`)).status).toBe(200);
  });

  it('believes an acknowledgement link only exactly as issued, refusing one with characters after it', async () => {
    const c = api.concord;
    await draftDecision(c, { id: 'D-ack', ...DRAFT, body: 'collective-security-council', question: 'substantive' }, SYSTEM);
    await conveneSession(c, { id: 'S-ack', body: 'collective-security-council', date: c.today(), place: 'Moscow', temporaryChair: 'RUS' }, SYSTEM);
    await addAgendaItem(c, 'S-ack', 'D-ack', SYSTEM);
    for (const s of ['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']) await recordAttendance(c, 'S-ack', s, true, SYSTEM);
    await closeSession(c, 'S-ack', SYSTEM);
    const token = await ackToken(c, 'D-ack', 'ARM');
    expect((await fetch(`${api.base}/ack/${token}`)).status).toBe(200);
    const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' };
    for (const tail of ['=', '==', '.', '.x', '%20', '!', 'A']) {
      expect((await fetch(`${api.base}/ack/${token}${tail}`)).status, tail).toBe(404);
      expect((await fetch(`${api.base}/ack/${token}${tail}`, form)).status, tail).toBe(400);
    }
    const [subject = ''] = token.split('.');
    expect((await fetch(`${api.base}/ack/${subject}=.${token.slice(subject.length + 1)}`)).status).toBe(404);
    const acknowledged = await c.database.db.selectFrom('projection_notifications').select('acknowledged_at').where('decision_id', '=', 'D-ack').where('state', '=', 'ARM').executeTakeFirstOrThrow();
    expect(acknowledged.acknowledged_at).toBeNull();
  });
});

describe('behind a proxy', () => {
  const LIMITS = { perAccount: 100_000, perAddress: 3, signIn: 1000 };
  const signIn = (api: Api, headers: Record<string, string>) =>
    fetch(`${api.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username: 'officer', password: PASSWORD }) });
  /** Anonymous health probes said to come from `client`, until one is refused; how many were answered. */
  const answeredFor = async (api: Api, client: string): Promise<number> => {
    for (let sent = 0; sent < LIMITS.perAddress + 2; sent++) {
      const response = await fetch(`${api.base}/api/health`, { headers: { 'x-forwarded-for': client } });
      if (response.status === 429) return sent;
    }
    return Infinity;
  };

  it('lists its trusted proxies by address, range or range name, and refuses anything else by name', () => {
    expect(parseTrustedProxies(' 10.0.0.1, 10.0.0.0/8 ,::1,fd00::/8,loopback,')).toEqual({ ok: true, proxies: ['10.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback'] });
    expect(parseTrustedProxies('')).toEqual({ ok: true, proxies: [] });
    for (const entry of ['*', 'true', 'proxy.example.org', '10.0.0.0/33', '10.0.0.1/8/2']) expect(parseTrustedProxies(`127.0.0.1,${entry}`)).toEqual({ ok: false, entry });
  });

  it('does not start `concord serve` on a list it cannot read, and says which entry', async () => {
    const place = await sqlite.fresh();
    const concord = await startConcord({ store: place.config });
    const said = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.stubEnv('CONCORD_TRUSTED_PROXIES', '10.0.0.1,*');
    try {
      expect(await serve(concord, { port: 0, host: '127.0.0.1' }, 'serve')).toBe(2);
      expect(said).toHaveBeenCalledWith(expect.stringContaining('CONCORD_TRUSTED_PROXIES: "*" is not an address'));
    } finally {
      vi.unstubAllEnvs();
      said.mockRestore();
      await concord.close();
      await place.cleanup();
    }
  });

  describe('from a trusted proxy', () => {
    let api: Api;
    beforeAll(async () => {
      api = await startApi(sqlite, { trustedProxies: ['127.0.0.1'], rateLimit: LIMITS });
    });
    afterAll(() => api.close());

    it('sets the Secure cookie when the original request was HTTPS, and only then', async () => {
      expect((await signIn(api, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie')).toMatch(/concord_session=[^;]+;.*Secure/i);
      expect((await signIn(api, { 'x-forwarded-proto': 'http' })).headers.get('set-cookie')).not.toMatch(/Secure/i);
    });

    it('limits each client by the address the proxy forwards, not its own', async () => {
      expect(await answeredFor(api, '203.0.113.7')).toBe(LIMITS.perAddress);
      expect(await answeredFor(api, '203.0.113.8')).toBe(LIMITS.perAddress);
      expect(api.logs.some((l) => l.msg === 'refused' && l.status === 429 && l.ip === '203.0.113.8')).toBe(true);
    });
  });

  describe('from an address not on the list', () => {
    let api: Api;
    beforeAll(async () => {
      api = await startApi(sqlite, { trustedProxies: ['10.9.9.9'], rateLimit: LIMITS });
    });
    afterAll(() => api.close());

    it('ignores X-Forwarded-Proto: the cookie is not marked Secure on a plain connection’s say-so', async () => {
      expect((await signIn(api, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie')).not.toMatch(/Secure/i);
    });

    it('ignores X-Forwarded-For: a client naming other addresses is still limited as itself', async () => {
      expect(await answeredFor(api, '203.0.113.7')).toBe(LIMITS.perAddress);
      expect(await answeredFor(api, '203.0.113.8')).toBe(0);
      expect(api.logs.some((l) => l.msg === 'refused' && l.status === 429 && l.ip === '127.0.0.1')).toBe(true);
    });
  });
});
