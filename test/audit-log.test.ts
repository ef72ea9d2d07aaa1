/**
 * Refused commands stay on record in the ledger; refused reads, which change nothing and may come
 * without end, go to a bounded audit log that the administrator reads at GET /api/audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_LOG_SIZE, desk } from '../src/app/index.js';
import { readHead } from '../src/ledger/index.js';
import { call, startApi, type Api } from './support/api.js';
import { enginesToTest } from './support/stores.js';

const engines = await enginesToTest();

describe.each(engines)('the audit log on $name', (engine) => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi(engine);
  });
  afterAll(() => api.close());

  const headSeq = async () => (await readHead(api.concord.database))?.seq ?? 0;

  it('keeps a refused read out of the ledger and shows it to the administrator, newest first', async () => {
    const before = await headSeq();
    expect((await call(api, 'delegate-arm', 'GET', '/api/ledger')).status).toBe(403);
    expect((await call(api, 'observer', 'GET', '/api/correspondence')).status).toBe(403);
    expect(await headSeq(), 'nothing appended to the ledger').toBe(before);
    const audit = await call(api, 'admin', 'GET', '/api/audit?limit=2');
    expect(audit.status).toBe(200);
    expect(audit.body.refusals).toMatchObject([
      { actor: 'user:observer', action: 'correspondence:read', code: 'forbidden', field: 'role' },
      { actor: 'user:delegate-arm', action: 'ledger:read', code: 'forbidden', field: 'role', message: 'the delegate role may not read ledger' },
    ]);
    const [newest] = audit.body.refusals as { id: number }[];
    const older = await call(api, 'admin', 'GET', `/api/audit?before=${newest?.id ?? 0}&limit=1`);
    expect(older.body.refusals).toMatchObject([{ actor: 'user:delegate-arm', action: 'ledger:read' }]);
  });

  it('keeps a refused command in the ledger', async () => {
    const before = await headSeq();
    expect((await call(api, 'delegate-arm', 'POST', '/api/correspondence', { sender: 'ARM', authority: 'MFA', reference: 'A/1', dated: '2026-01-10', kind: 'other', subject: 'S' })).status).toBe(403);
    const recorded = await api.concord.database.db.selectFrom('ledger_entries').select(['stream_id', 'type', 'actor']).where('seq', '>', before).execute();
    expect(recorded).toEqual([{ stream_id: 'refusals', type: 'CommandRefused', actor: 'user:delegate-arm' }]);
  });

  it('is read by the administrator alone, and a refused look at it is itself kept there', async () => {
    expect((await call(api, 'officer', 'GET', '/api/audit')).status).toBe(403);
    const audit = await call(api, 'admin', 'GET', '/api/audit?limit=1');
    expect(audit.body.refusals).toMatchObject([{ actor: 'user:officer', action: 'audit:read' }]);
  });

  it('keeps only the last refused reads, dropping the oldest as new ones come', async () => {
    const db = api.concord.database.db;
    const row = (n: number) => ({ at: '2026-01-01T00:00:00.000Z', actor: 'user:flood', action: 'ledger:read', code: 'forbidden', field: 'role', message: `attempt ${n}` });
    for (let n = 0; n < AUDIT_LOG_SIZE; n += 1000) await db.insertInto('audit_refused_reads').values(Array.from({ length: 1000 }, (_, k) => row(n + k))).execute();
    const oldest = await db.selectFrom('audit_refused_reads').select('id').orderBy('id').limit(2).execute();
    const observer = { principal: { username: 'observer', role: 'observer' as const, state: null, scopes: ['read' as const] } };
    expect(await desk.authorize(api.concord, observer, 'correspondence:read')).toMatchObject({ code: 'forbidden' });
    const count = await db.selectFrom('audit_refused_reads').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(AUDIT_LOG_SIZE);
    const kept = await db.selectFrom('audit_refused_reads').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
    expect(kept.id, 'every row older than the last AUDIT_LOG_SIZE is gone').toBeGreaterThan(oldest.at(-1)?.id ?? 0);
  });
});
