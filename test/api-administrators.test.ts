/**
 * What an administrator may and may not do with passwords and roles: a common or breached
 * password is refused wherever one is chosen; a password an administrator sets (at creation or
 * by a reset) is changed at the first sign-in; the last active administrator can be neither
 * disabled nor demoted, by anyone, over HTTP or from the command line.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, disableAccount, listAccounts } from '../src/app/index.js';
import { call, startApi, type Api } from './support/api.js';
import { sqlite } from './support/stores.js';

async function signIn(api: Api, username: string, password: string): Promise<{ status: number; cookie: string; csrf: string; body: Record<string, unknown> }> {
  const response = await fetch(`${api.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: typeof body.csrfToken === 'string' ? body.csrfToken : '', body };
}

function changeOwnPassword(api: Api, session: { cookie: string; csrf: string }, current: string, next: string): Promise<Response> {
  return fetch(`${api.base}/api/session/password`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ current, next }),
  });
}

const overview = (api: Api, cookie: string) => fetch(`${api.base}/api/overview`, { headers: { cookie } }).then((r) => r.status);

describe('passwords an administrator sets', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi(sqlite);
  });
  afterAll(() => api.close());

  it('refuses a common password at creation and at a change, saying why', async () => {
    const created = await call(api, 'admin', 'POST', '/api/accounts', { username: 'commoner', role: 'analyst', password: 'Administrator' });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({ field: 'password', detail: expect.stringContaining('one of the most common passwords') as string });
    const set = await call(api, 'admin', 'POST', '/api/accounts', { username: 'commoner', role: 'analyst', password: 'a password the admin chose' });
    expect(set.status).toBe(201);
    const session = await signIn(api, 'commoner', 'a password the admin chose');
    const changed = await changeOwnPassword(api, session, 'a password the admin chose', 'qwerty123456');
    expect(changed.status).toBe(422);
    expect(await changed.json()).toMatchObject({ code: 'weak-password', field: 'next', detail: expect.stringContaining('found in breaches') as string });
  });

  it('refuses a common word padded to the length asked, and a run of one character', async () => {
    for (const password of ['iloveyou1234', 'Password1234!', 'aaaaaaaaaaaa']) {
      const created = await call(api, 'admin', 'POST', '/api/accounts', { username: 'padded', role: 'analyst', password });
      expect(created.status, password).toBe(400);
      expect(created.body, password).toMatchObject({ field: 'password' });
    }
  });

  it('has a password chosen by the administrator changed at the first sign-in', async () => {
    const created = await call(api, 'admin', 'POST', '/api/accounts', { username: 'appointee', role: 'officer', password: 'chosen for the appointee' });
    expect(created.body).toMatchObject({ account: { mustChangePassword: true } });
    const session = await signIn(api, 'appointee', 'chosen for the appointee');
    expect(session.body).toMatchObject({ account: { mustChangePassword: true } });
    expect(await overview(api, session.cookie)).toBe(403);
    expect((await changeOwnPassword(api, session, 'chosen for the appointee', 'the appointee’s very own')).status).toBe(200);
    expect(await overview(api, session.cookie)).toBe(200);
  });

  it('resets a password to a one-time one: the old one and its sessions end, the new one must be changed', async () => {
    await createAccount(api.concord, { username: 'forgetful', role: 'analyst', password: 'the password forgotten' }, { actor: 'test' }, { keepPassword: true });
    const before = await signIn(api, 'forgetful', 'the password forgotten');
    expect(await overview(api, before.cookie)).toBe(200);
    const reset = await call(api, 'admin', 'POST', '/api/accounts/forgetful/password-reset', {});
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ account: { username: 'forgetful', mustChangePassword: true }, oneTimePassword: expect.any(String) as string });
    expect(await overview(api, before.cookie)).toBe(401);
    expect((await signIn(api, 'forgetful', 'the password forgotten')).status).toBe(401);
    const after = await signIn(api, 'forgetful', String(reset.body.oneTimePassword));
    expect(after.body).toMatchObject({ account: { mustChangePassword: true } });
    expect(await overview(api, after.cookie)).toBe(403);
    expect((await call(api, 'officer', 'POST', '/api/accounts/forgetful/password-reset', {})).status).toBe(403);
  });
});

describe('the last active administrator', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi(sqlite);
  });
  afterAll(() => api.close());

  it('checks the role given like a new account’s: a delegate needs a member state', async () => {
    const refused = await call(api, 'admin', 'POST', '/api/accounts/analyst/role', { role: 'delegate', state: 'FRA' });
    expect(refused).toMatchObject({ status: 400, body: { field: 'state' } });
    expect((await call(api, 'admin', 'POST', '/api/accounts/analyst/role', { role: 'delegate', state: 'KAZ' })).body).toMatchObject({ role: 'delegate', state: 'KAZ' });
  });

  it('can neither disable nor demote itself, until another administrator is appointed', async () => {
    const disabled = await call(api, 'admin', 'POST', '/api/accounts/admin/disable', {});
    expect(disabled.status).toBe(422);
    expect(disabled.body).toMatchObject({ code: 'last-administrator', field: 'username', detail: 'admin is the last active administrator and cannot be disabled: make another account an administrator first' });
    const demoted = await call(api, 'admin', 'POST', '/api/accounts/admin/role', { role: 'officer' });
    expect(demoted.body).toMatchObject({ code: 'last-administrator', detail: expect.stringContaining('cannot be demoted') as string });
    expect((await call(api, 'admin', 'GET', '/api/accounts')).body).toMatchObject({ accounts: expect.arrayContaining([expect.objectContaining({ username: 'admin', role: 'admin', disabledAt: null })]) as unknown[] });
    const promoted = await call(api, 'admin', 'POST', '/api/accounts/officer/role', { role: 'admin' });
    expect(promoted).toMatchObject({ status: 200, body: { username: 'officer', role: 'admin' } });
    expect((await call(api, 'admin', 'POST', '/api/accounts/admin/role', { role: 'analyst' })).status).toBe(200);
    // The officer, now the only administrator, is refused as the first one was.
    expect((await call(api, 'officer', 'POST', '/api/accounts/officer/disable', {})).body).toMatchObject({ code: 'last-administrator' });
  });

  it('is kept when two administrators disable each other at once', async () => {
    const second = await createAccount(api.concord, { username: 'second-admin', role: 'admin' }, { actor: 'test' });
    expect(second.ok).toBe(true);
    const [a, b] = await Promise.all([disableAccount(api.concord, 'second-admin', { actor: 'user:officer' }), disableAccount(api.concord, 'officer', { actor: 'user:second-admin' })]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ refusal: { code: 'last-administrator' } });
    expect((await listAccounts(api.concord)).filter((x) => x.role === 'admin' && x.disabledAt === null)).toHaveLength(1);
  });
});

describe('concord user role and reset-password', () => {
  const concord = (args: string[], dataDir: string) =>
    spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'concord.js'), ...args, '--data', dataDir], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });

  it('refuses to demote the last administrator, and prints a reset’s one-time password', { timeout: 90_000 }, async () => {
    const place = await sqlite.fresh();
    const dataDir = (place.config as { dataDir: string }).dataDir;
    try {
      expect(concord(['user', 'add', 'chief', '--role', 'admin', '--password', 'qwerty123456'], dataDir).stderr).toMatch(/--password: this is one of the most common passwords/);
      expect(concord(['user', 'add', 'chief', '--role', 'admin'], dataDir).status).toBe(0);
      const demoted = concord(['user', 'role', 'chief', '--role', 'officer'], dataDir);
      expect(demoted.status).toBe(2);
      expect(demoted.stderr).toMatch(/username: chief is the last active administrator and cannot be demoted/);
      const reset = concord(['user', 'reset-password', 'chief'], dataDir);
      expect(reset.status).toBe(0);
      expect(reset.stdout).toMatch(/^chief: one-time password: \S{16} \(shown once; to be changed at the first sign-in\)$/m);
    } finally {
      await place.cleanup();
    }
  });
});
