/**
 * The live stream and writes under retries: each reader sees only what it may; a reader that
 * reconnects gets what it missed; two servers on one PostgreSQL share their events; a write
 * retried after its answer was lost is recorded once.
 */
import { connect, createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { circulateDecision, createAccount, draftDecision, issueToken, registerOfficialNote, revokeToken } from '../src/app/index.js';
import { call, startApi, type Api } from './support/api.js';
import { openStream } from './support/sse.js';
import { enginesToTest, postgres } from './support/stores.js';

const SYSTEM = { actor: 'test' };
const engines = await enginesToTest();

async function openProcedure(api: Api, id: string): Promise<void> {
  await draftDecision(api.concord, { id, title: { en: id, ru: id }, text: { en: 'X', ru: 'Х' }, body: 'permanent-council', question: 'procedural', initiator: 'Secretariat' }, SYSTEM);
  await circulateDecision(api.concord, id, { procedure: 'written', deadline: new Date(Date.now() + 86_400_000).toISOString() }, SYSTEM);
}

const bearer = (api: Api, username: string) => ({ authorization: `Bearer ${api.tokens[username] ?? ''}` });

describe.each(engines)('the live stream on $name', (engine) => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi(engine);
    await openProcedure(api, 'D-live');
  });
  afterAll(() => api.close());

  it('sends each reader only what it may see', async () => {
    const officer = await openStream(`${api.base}/api/events`, bearer(api, 'officer'));
    const armenia = await openStream(`${api.base}/api/events`, bearer(api, 'delegate-arm'));
    const kazakhstan = await openStream(`${api.base}/api/events`, bearer(api, 'delegate-kaz'));
    try {
      expect([officer.status, armenia.status, kazakhstan.status]).toEqual([200, 200, 200]);
      await registerOfficialNote(api.concord, { sender: 'RUS', authority: 'MFA', reference: 'R/1', dated: '2026-01-10', kind: 'other', subject: 'For the secretariat', backdatingReason: 'entered late' }, SYSTEM);
      expect((await call(api, 'delegate-arm', 'POST', '/api/decisions/D-live/positions', { state: 'ARM', position: 'yes' })).status).toBe(200);
      await officer.waitFor((e) => e.data.type === 'PositionRecorded');
      const own = await armenia.waitFor((e) => e.data.type === 'PositionRecorded' && e.data.data.state === 'ARM');
      expect(officer.events.map((e) => e.data.type)).toContain('NoteRegistered');
      expect(armenia.events.map((e) => e.data.type)).not.toContain('NoteRegistered');
      // Another state's delegate follows the position live, without the document that carried it.
      const other = await kazakhstan.waitFor((e) => e.data.type === 'PositionRecorded' && e.data.data.state === 'ARM');
      expect(own.data.data).toHaveProperty('document');
      expect(other.data.data).toMatchObject({ state: 'ARM', position: 'yes' });
      expect(other.data.data).not.toHaveProperty('document');
    } finally {
      officer.close();
      armenia.close();
      kazakhstan.close();
    }
  });

  it('resumes from Last-Event-ID with what was missed, in order, once', async () => {
    const first = await openStream(`${api.base}/api/events`, bearer(api, 'officer'));
    await call(api, 'officer', 'POST', '/api/statements', { speaker: 'A', state: 'KAZ', venue: 'Press', saidOn: '2026-01-02', url: 'https://example.org/1', summary: 'One' });
    const seen = await first.waitFor((e) => e.data.type === 'StatementRecorded');
    first.close();
    for (const n of [2, 3]) await call(api, 'officer', 'POST', '/api/statements', { speaker: 'A', state: 'KAZ', venue: 'Press', saidOn: '2026-01-02', url: `https://example.org/${n}`, summary: String(n) });
    const resumed = await openStream(`${api.base}/api/events`, { ...bearer(api, 'officer'), 'last-event-id': String(seen.id) });
    try {
      await resumed.waitFor((e) => e.data.type === 'StatementRecorded' && e.data.data.summary === '3');
      const ids = resumed.events.map((e) => e.id);
      expect(ids[0]).toBe(seen.id + 1);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      resumed.close();
    }
  });

  it('starts a new reader at the present, even after writes made while no one listened', async () => {
    const statement = (summary: string) => call(api, 'officer', 'POST', '/api/statements', { speaker: 'A', state: 'KGZ', venue: 'Press', saidOn: '2026-01-03', url: `https://example.org/${summary}`, summary });
    expect((await statement('while no one listened')).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const fresh = await openStream(`${api.base}/api/events`, bearer(api, 'officer'));
    try {
      await statement('after the reader came');
      await fresh.waitFor((e) => e.data.data.summary === 'after the reader came');
      expect(fresh.events.map((e) => e.data.data.summary)).toEqual(['after the reader came']);
    } finally {
      fresh.close();
    }
  });

  it('ends the stream of a token revoked while it is open, and limits the streams of one account', async () => {
    const issued = await issueToken(api.concord, 'delegate-arm', { name: 'watcher', scopes: ['read'], expiresInDays: 1 }, SYSTEM);
    if (!issued.ok) throw new Error(issued.refusal.message);
    const watcher = await openStream(`${api.base}/api/events`, { authorization: `Bearer ${issued.value.secret}` });
    expect(watcher.status).toBe(200);
    await revokeToken(api.concord, 'delegate-arm', issued.value.token.id, SYSTEM);
    await expect.poll(() => watcher.ended, { timeout: 5000 }).toBe(true);
    const extra = await startApi(engine, { streamsPerAccount: 2 });
    const open = [await openStream(`${extra.base}/api/events`, bearer(extra, 'analyst')), await openStream(`${extra.base}/api/events`, bearer(extra, 'analyst'))];
    const third = await openStream(`${extra.base}/api/events`, bearer(extra, 'analyst'));
    third.close();
    for (const s of open) s.close();
    await extra.close();
    expect([...open.map((o) => o.status), third.status]).toEqual([200, 200, 429]);
  });

  it('shows a reader its own refusals, and no one else’s', async () => {
    const armenia = await openStream(`${api.base}/api/events`, bearer(api, 'delegate-arm'));
    const analyst = await openStream(`${api.base}/api/events`, bearer(api, 'analyst'));
    try {
      expect((await call(api, 'delegate-arm', 'POST', '/api/decisions/D-live/positions', { state: 'RUS', position: 'no' })).status).toBe(403);
      await armenia.waitFor((e) => e.data.type === 'CommandRefused');
      await call(api, 'analyst', 'POST', '/api/statements', { speaker: 'A', state: 'KAZ', venue: 'Press', saidOn: '2026-01-02', url: 'https://example.org/own', summary: 'Own' });
      await analyst.waitFor((e) => e.data.type === 'StatementRecorded' && e.data.data.summary === 'Own');
      expect(analyst.events.map((e) => e.data.type)).not.toContain('CommandRefused');
    } finally {
      armenia.close();
      analyst.close();
    }
  });

  it('opens no stream to an account that must first change its one-time password', async () => {
    const created = await createAccount(api.concord, { username: `fresh-${engine.name}`, role: 'analyst' }, SYSTEM);
    if (!created.ok || created.value.oneTimePassword === undefined) throw new Error('account');
    const signedIn = await fetch(`${api.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `fresh-${engine.name}`, password: created.value.oneTimePassword }) });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const stream = await openStream(`${api.base}/api/events`, { cookie });
    stream.close();
    expect(stream.status).toBe(403);
  });

  it('ends its open streams when the server stops, instead of waiting for their readers', async () => {
    const stopping = await startApi(engine);
    const stream = await openStream(`${stopping.base}/api/events`, bearer(stopping, 'analyst'));
    await stopping.close();
    await expect.poll(() => stream.ended).toBe(true);
  });

  it('refuses a stream to a caller without credentials', async () => {
    const anonymous = await openStream(`${api.base}/api/events`, {});
    anonymous.close();
    expect(anonymous.status).toBe(401);
  });

  it('records once a position retried after its answer was lost', async () => {
    await openProcedure(api, 'D-retry');
    const body = JSON.stringify({ state: 'ARM', position: 'yes' });
    // A proxy that passes the request on and loses the answer, as a network failing at that moment.
    const upstream = new URL(api.base);
    const proxy = createServer((client) => {
      const server = connect(Number(upstream.port), upstream.hostname);
      client.pipe(server);
      server.once('data', () => {
        client.destroy();
        server.destroy();
      });
      client.on('error', () => undefined);
      server.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const lost = await fetch(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/decisions/D-retry/positions`, {
      method: 'POST',
      headers: { ...bearer(api, 'delegate-arm'), 'content-type': 'application/json', 'idempotency-key': 'retry-1' },
      body,
    }).then(() => 'answered', () => 'lost');
    proxy.close();
    expect(lost).toBe('lost');
    const positions = async () =>
      (await api.concord.database.db.selectFrom('ledger_entries').select('seq').where('stream_id', '=', 'decision-D-retry').where('type', '=', 'PositionRecorded').execute()).length;
    expect(await positions()).toBe(1);
    const retried = await call(api, 'delegate-arm', 'POST', '/api/decisions/D-retry/positions', { state: 'ARM', position: 'yes' }, { 'idempotency-key': 'retry-1' });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ positions: { ARM: { position: 'yes' } } });
    expect(await positions()).toBe(1);
    // The same key with another request is refused, not taken for the first.
    const other = await call(api, 'delegate-arm', 'POST', '/api/decisions/D-retry/positions', { state: 'ARM', position: 'no' }, { 'idempotency-key': 'retry-1' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ field: 'Idempotency-Key' });
  });

  it('records once the same write sent three times at the same moment, and answers the retry with the first answer', async () => {
    await openProcedure(api, 'D-twice');
    const send = () => call(api, 'delegate-arm', 'POST', '/api/decisions/D-twice/positions', { state: 'ARM', position: 'no' }, { 'idempotency-key': 'twice-1' });
    const answers = await Promise.all([send(), send(), send()]);
    // While the first is handled, the others are told to retry (409); none records a second time.
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    const retried = await send();
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    const recorded = await api.concord.database.db.selectFrom('ledger_entries').select('seq').where('stream_id', '=', 'decision-D-twice').where('type', '=', 'PositionRecorded').execute();
    expect(recorded).toHaveLength(1);
  });
});

describe.runIf(engines.includes(postgres))('two servers on one PostgreSQL', () => {
  let place: Awaited<ReturnType<typeof postgres.fresh>>;
  let first: Api;
  let second: Api;
  beforeAll(async () => {
    place = await postgres.fresh();
    first = await startApi(postgres, {}, place);
    second = await startApi(postgres, {}, place);
    await openProcedure(first, 'D-shared');
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await place.cleanup();
  });

  it('a position recorded through one reaches the other’s stream within a second', async () => {
    const stream = await openStream(`${second.base}/api/events`, bearer(second, 'officer'));
    try {
      const sent = performance.now();
      const answer = await call(first, 'delegate-arm', 'POST', '/api/decisions/D-shared/positions', { state: 'ARM', position: 'yes' });
      expect(answer.status).toBe(200);
      const event = await stream.waitFor((e) => e.data.streamId === 'decision-D-shared' && e.data.type === 'PositionRecorded', 1000);
      expect(event.data.data).toMatchObject({ state: 'ARM', position: 'yes' });
      expect(event.receivedAt - sent).toBeLessThan(1000);
    } finally {
      stream.close();
    }
  });
});
