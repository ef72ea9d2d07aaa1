/**
 * Hostile input on every write route: arbitrary JSON, bodies of the wrong shape, malformed and
 * oversized bodies, wrong media types. The answer is always a 4xx problem, never a 5xx, and
 * nothing is written but the record of the refusal.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { circulateDecision, draftDecision } from '../src/app/index.js';
import { startApi, type Api } from './support/api.js';
import { enginesToTest } from './support/stores.js';

/** Routes that are not writes of the record: signing in and out, the password, the link's button. */
const NOT_RECORD_WRITES = ['/api/session', '/api/session/password', '/ack/{token}'];
/** What a route's path parameters are filled with: an open decision and session where there are some, else ids that name nothing. */
const FIXTURES: Readonly<Record<string, string>> = { decisions: 'D-1', sessions: 'S-1', notifications: 'D-1', accounts: 'officer' };

/** Every write route the API documents (a module's new routes are fuzzed with the others). */
async function writeRoutes(base: string): Promise<string[]> {
  const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([path, methods]) => 'post' in methods && !NOT_RECORD_WRITES.includes(path))
    .map(([path]) => {
      const [, , collection = ''] = path.split('/');
      return path.replace('{state}', 'ARM').replace(/\{[^}]+\}/g, FIXTURES[collection] ?? 'x-1');
    });
}

/** Entries written outside the record of refusals: what hostile input must never cause. */
async function writtenEntries(api: Api): Promise<number> {
  const row = await api.concord.database.db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('stream_id', '!=', 'refusals').executeTakeFirstOrThrow();
  return row.n;
}

/** Values no route accepts: never one that is sent as an empty object, which the body-less acts take. */
const hostileJson = fc
  .oneof(
    fc.jsonValue(),
    fc.dictionary(fc.constantFrom('state', 'position', 'sender', 'title', 'body', 'question', 'username', 'role', 'deadline', 'procedure', '__proto__', 'constructor'), fc.anything(), { minKeys: 1 }),
    fc.record({ state: fc.string(), position: fc.string(), noteId: fc.string() }),
    // PostgreSQL keeps no U+0000 in text.
    fc.record({ sender: fc.constant('KAZ'), authority: fc.constantFrom('a\u0000', '\u0000'), reference: fc.string(), dated: fc.constant('2026-01-01'), kind: fc.constant('other'), subject: fc.string() }),
    fc.record({ username: fc.string({ maxLength: 300 }), role: fc.constantFrom('admin', 'king', ''), state: fc.string() }),
    // Names every object inherits: a lookup by them must find nothing.
    fc.record({ title: fc.constant({ en: 'T', ru: 'Т' }), text: fc.constant({ en: 'X', ru: 'Х' }), body: fc.constantFrom('permanent-council', 'constructor', '__proto__'), question: fc.constantFrom('constructor', 'toString', '__proto__', 'hasOwnProperty'), initiator: fc.constant('Secretariat') }),
  )
  .filter((v) => JSON.stringify(v) !== '{}');

const engines = await enginesToTest();

describe.each(engines)('fuzzing the write routes on $name', (engine) => {
  let api: Api;
  let before = 0;
  let WRITES: string[] = [];
  beforeAll(async () => {
    api = await startApi(engine);
    WRITES = await writeRoutes(api.base);
    await draftDecision(api.concord, { id: 'D-1', title: { en: 'T', ru: 'Т' }, text: { en: 'X', ru: 'Х' }, body: 'permanent-council', question: 'procedural', initiator: 'Secretariat' }, { actor: 'test' });
    await circulateDecision(api.concord, 'D-1', { procedure: 'written', deadline: new Date(Date.now() + 86_400_000).toISOString() }, { actor: 'test' });
    before = await writtenEntries(api);
  });
  afterAll(() => api.close());

  const send = async (path: string, body: string, contentType = 'application/json') => {
    const response = await fetch(`${api.base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${api.tokens.admin ?? ''}`, 'content-type': contentType }, body });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type') ?? '', text, retryAfter: response.headers.get('retry-after') };
  };

  const expectProblem = (answer: { status: number; type: string; text: string }, what: string) => {
    expect(answer.status, `${what}: ${answer.text}`).toBeGreaterThanOrEqual(400);
    expect(answer.status, `${what}: ${answer.text}`).toBeLessThan(500);
    expect(answer.type, what).toContain('application/problem+json');
    expect(JSON.parse(answer.text), what).toMatchObject({ status: answer.status, detail: expect.any(String) as string });
  };

  it('answers arbitrary JSON with a 4xx problem and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITES), hostileJson, async (path, value) => {
        expectProblem(await send(path, JSON.stringify(value)), `${path} ${JSON.stringify(value).slice(0, 200)}`);
      }),
      { numRuns: 300 },
    );
    expect(await writtenEntries(api)).toBe(before);
  });

  it('answers malformed JSON and wrong media types with a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITES), fc.string({ maxLength: 200 }).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }), async (path, text) => {
        expectProblem(await send(path, text), `${path} ${text}`);
        expectProblem(await send(path, text, 'text/plain'), `${path} as text/plain`);
      }),
      { numRuns: 100 },
    );
    expect(await writtenEntries(api)).toBe(before);
  });

  it('answers oversized, null and deeply nested bodies with a problem on every write route', async () => {
    const huge = JSON.stringify({ subject: 'x'.repeat(400 * 1024) });
    for (const path of WRITES) {
      const answer = await send(path, huge);
      // Requests are counted as they arrive: one past a route's own limit (verification's few a minute) is refused before its size is.
      expect(answer.status, path).toBe(answer.retryAfter === null ? 413 : 429);
      expectProblem(answer, path);
    }
    // A JSON null is a body, and not the empty one a body-less act takes.
    for (const path of WRITES) expectProblem(await send(path, 'null'), `${path} null`);
    for (const path of ['/api/decisions/a%00b/close', '/api/accounts/x%00y/disable', '/api/sessions/a%00/close']) expectProblem(await send(path, '{}'), path);
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const path of WRITES.slice(0, 3)) expectProblem(await send(path, deep), `${path} nested`);
    expect(await writtenEntries(api)).toBe(before);
  });

  it('answers hostile reads with a 4xx problem too', async () => {
    for (const path of ['/api/correspondence/a%00b', '/api/decisions/a%00b', '/api/ledger?before=1e300', '/api/ledger?before=9223372036854775808', '/api/registry/A%00B', '/api/statements?state=%00']) {
      const response = await fetch(`${api.base}${path}`, { headers: { authorization: `Bearer ${api.tokens.admin ?? ''}` } });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
    }
    const anonymous = await fetch(`${api.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'adm\u0000in', password: 'x' }) });
    expect(anonymous.status).toBe(400);
  });
});
