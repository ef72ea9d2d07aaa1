/**
 * A sign-in is kept as the HMAC of its id under a key outside the database: a row inserted into
 * `sign_ins` by someone who holds only the database signs no one in, while a real sign-in works.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startApi, type Api } from './support/api.js';
import { sqlite } from './support/stores.js';

describe('sign-ins the database alone cannot forge', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi(sqlite);
  });
  afterAll(() => api.close());

  const session = (cookie: string) => fetch(`${api.base}/api/session`, { headers: { cookie: `concord_session=${cookie}` } });

  it('a row made with the plain hash of a chosen id is refused', async () => {
    const chosen = 'a-session-id-chosen-by-whoever-writes-the-database';
    const now = new Date().toISOString();
    await api.concord.database.db.insertInto('sign_ins').values({ id_hash: createHash('sha256').update(chosen).digest('hex'), username: 'admin', csrf_token: 'x', created_at: now, expires_at: new Date(Date.now() + 3_600_000).toISOString() }).execute();
    expect((await session(chosen)).status).toBe(401);
  });

  it('a real sign-in still holds', async () => {
    const signed = await fetch(`${api.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'officer', password: PASSWORD }) });
    expect(signed.status).toBe(200);
    const cookie = /concord_session=([^;]+)/.exec(signed.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect((await session(cookie)).status).toBe(200);
  });
});
