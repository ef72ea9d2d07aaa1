/**
 * Signing in over HTTP: the one-time password of a new account, the session cookie and its CSRF
 * token, failed sign-ins slowed and then locked, tokens revoked and accounts disabled; and the
 * server's defences: body and rate limits, security headers, a valid OpenAPI document.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { validate, compileErrors } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changePassword, createAccount, issueToken, MAX_FAILED_LOGINS } from '../src/app/index.js';
import { call, PASSWORD, startApi, type Api } from './support/api.js';
import { sqlite } from './support/stores.js';

async function signIn(api: Api, username: string, password: string): Promise<{ status: number; cookie: string; csrf: string; body: Record<string, unknown> }> {
  const response = await fetch(`${api.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = (await response.json()) as Record<string, unknown>;
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { status: response.status, cookie, csrf: typeof body.csrfToken === 'string' ? body.csrfToken : '', body };
}

/** An account whose password is its holder's own, not one an administrator set. */
async function holder(api: Api, username: string): Promise<void> {
  const created = await createAccount(api.concord, { username, role: 'analyst', password: PASSWORD }, { actor: 'test' }, { keepPassword: true });
  if (!created.ok) throw new Error(created.refusal.message);
}

describe('accounts over HTTP', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi(sqlite);
  });
  afterAll(() => api.close());

  it('a new account’s one-time password opens nothing but the change of password', async () => {
    const created = await call(api, 'admin', 'POST', '/api/accounts', { username: 'newcomer', role: 'delegate', state: 'KAZ' });
    expect(created.status).toBe(201);
    const oneTime = String(created.body.oneTimePassword);
    expect(oneTime.length).toBeGreaterThanOrEqual(16);
    const session = await signIn(api, 'newcomer', oneTime);
    expect(session.body).toMatchObject({ account: { username: 'newcomer', role: 'delegate', state: 'KAZ', mustChangePassword: true } });
    const blocked = await fetch(`${api.base}/api/overview`, { headers: { cookie: session.cookie } });
    expect(blocked.status).toBe(403);
    const changed = await fetch(`${api.base}/api/session/password`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ current: oneTime, next: 'a new and long password' }),
    });
    expect(changed.status).toBe(200);
    expect((await fetch(`${api.base}/api/overview`, { headers: { cookie: session.cookie } })).status).toBe(200);
    expect((await signIn(api, 'newcomer', oneTime)).status).toBe(401);
  });

  it('a change of password ends the account’s other sessions, not the one that made it', async () => {
    await holder(api, 'traveller');
    const laptop = await signIn(api, 'traveller', PASSWORD);
    const forgotten = await signIn(api, 'traveller', PASSWORD);
    const { secret } = await issueToken(api.concord, 'traveller', { name: 'script', scopes: ['read'], expiresInDays: 30 }, { actor: 'test' }).then((r) => (r.ok ? r.value : { secret: '' }));
    const overview = (headers: Record<string, string>) => fetch(`${api.base}/api/overview`, { headers }).then((r) => r.status);
    expect(await overview({ cookie: forgotten.cookie })).toBe(200);
    const changed = await fetch(`${api.base}/api/session/password`, {
      method: 'POST',
      headers: { cookie: laptop.cookie, 'x-csrf-token': laptop.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ current: PASSWORD, next: 'another long enough password' }),
    });
    expect(changed.status).toBe(200);
    expect(await overview({ cookie: laptop.cookie })).toBe(200);
    expect(await overview({ cookie: forgotten.cookie })).toBe(401);
    // A token is revoked by itself, not by the password.
    expect(await overview({ authorization: `Bearer ${secret}` })).toBe(200);
  });

  it('guessing the current password in a stolen session locks the account and ends the session', async () => {
    await holder(api, 'stolen');
    const thief = await signIn(api, 'stolen', PASSWORD);
    const guess = (current: string) =>
      fetch(`${api.base}/api/session/password`, {
        method: 'POST',
        headers: { cookie: thief.cookie, 'x-csrf-token': thief.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ current, next: 'the thief’s own password' }),
      });
    for (let attempt = 1; attempt < MAX_FAILED_LOGINS; attempt++) expect((await guess(`guess ${attempt}`)).status).toBe(422);
    const last = await guess('one guess too many');
    expect(last.status).toBe(422);
    expect(await last.json()).toMatchObject({ field: 'current', detail: expect.stringContaining('locked until') as string });
    expect((await fetch(`${api.base}/api/overview`, { headers: { cookie: thief.cookie } })).status).toBe(401);
    expect((await signIn(api, 'stolen', PASSWORD)).status).toBe(401);
  });

  it('changes nothing from a session that ended while the current password was being checked', async () => {
    await holder(api, 'raced');
    const ended = await changePassword(api.concord, 'raced', { current: PASSWORD, next: 'a password from an ended session' }, { actor: 'user:raced' }, 'no-such-session');
    expect(ended).toMatchObject({ ok: false, refusal: { field: 'session' } });
    expect((await signIn(api, 'raced', PASSWORD)).status).toBe(200);
  });

  it('sets an HttpOnly, SameSite=Strict cookie and requires its CSRF token on writes', async () => {
    const response = await fetch(`${api.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'officer', password: PASSWORD }) });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/concord_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const cookie = setCookie.split(';')[0] ?? '';
    const statement = { speaker: 'A spokesperson', state: 'KGZ', venue: 'Briefing', saidOn: '2026-03-01', url: 'https://example.org/b', summary: 'Said it' };
    const post = (headers: Record<string, string>) => fetch(`${api.base}/api/statements`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify(statement) });
    const without = await post({});
    expect(without.status).toBe(403);
    expect(await without.json()).toMatchObject({ field: 'X-CSRF-Token' });
    expect((await post({ 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await post({ 'x-csrf-token': csrfToken })).status).toBe(201);
    expect((await fetch(`${api.base}/api/session`, { method: 'DELETE', headers: { cookie } })).status).toBe(403);
    expect((await fetch(`${api.base}/api/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } })).status).toBe(204);
    expect((await fetch(`${api.base}/api/overview`, { headers: { cookie } })).status).toBe(401);
  });

  it('locks the account after repeated failures, even against the right password, telling no caller why', async () => {
    await holder(api, 'target');
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) expect((await signIn(api, 'target', `wrong ${i}`)).status).toBe(401);
    const locked = await signIn(api, 'target', PASSWORD);
    expect(locked.status).toBe(401);
    const unknown = await signIn(api, 'nobody-at-all', PASSWORD);
    expect(locked.body.detail).toBe(unknown.body.detail);
    api.clock.offsetMs = 16 * 60_000;
    try {
      expect((await signIn(api, 'target', PASSWORD)).status).toBe(200);
    } finally {
      api.clock.offsetMs = 0;
    }
    const reasons = api.logs.filter((l) => l.msg === 'refused: sign-in' && l.username === 'target').map((l) => String(l.reason));
    expect(reasons).toHaveLength(MAX_FAILED_LOGINS + 1);
    expect(reasons.at(-1)).toMatch(/^locked until/);
  });

  it('counts wrong passwords sent at once, every one of them', async () => {
    await holder(api, 'hammered');
    const attempts = await Promise.all(Array.from({ length: 3 * MAX_FAILED_LOGINS }, (_, i) => signIn(api, 'hammered', `guess ${i}`)));
    expect(attempts.every((a) => a.status === 401)).toBe(true);
    expect((await signIn(api, 'hammered', PASSWORD)).status).toBe(401);
  });

  it('a revoked token and a disabled account are refused at once', async () => {
    const session = await signIn(api, 'analyst', PASSWORD);
    const issued = await fetch(`${api.base}/api/tokens`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'monitor', scopes: ['read'], expiresInDays: 30 }),
    });
    expect(issued.status).toBe(201);
    const { token, secret } = (await issued.json()) as { token: { id: string }; secret: string };
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await fetch(`${api.base}/api/overview`, { headers: bearer })).status).toBe(200);
    const stored = await api.concord.database.db.selectFrom('api_tokens').select('secret_hash_digest').where('id', '=', token.id).executeTakeFirstOrThrow();
    // The random part may itself hold "_": it is whatever follows the prefix and the id.
    const random = /^concord_[0-9a-f]{12}_(.+)$/.exec(secret)?.[1] ?? '';
    expect(random).toHaveLength(43);
    expect(stored.secret_hash_digest).not.toContain(random);
    await fetch(`${api.base}/api/tokens/${token.id}`, { method: 'DELETE', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
    expect((await fetch(`${api.base}/api/overview`, { headers: bearer })).status).toBe(401);
    expect((await call(api, 'admin', 'POST', '/api/accounts/analyst/disable')).status).toBe(200);
    expect((await fetch(`${api.base}/api/overview`, { headers: { cookie: session.cookie } })).status).toBe(401);
    expect((await call(api, 'analyst', 'GET', '/api/overview')).status).toBe(401);
    const ledger = await api.concord.database.db.selectFrom('ledger_entries').select('type').where('stream_id', '=', 'account-analyst').orderBy('seq').execute();
    expect(ledger.map((e) => e.type)).toEqual(['AccountCreated', 'TokenIssued', 'TokenIssued', 'TokenRevoked', 'AccountDisabled']);
  });

  it('keeps no secret for a retry, and a read-only token can neither mint nor revoke tokens', async () => {
    const session = await signIn(api, 'officer', PASSWORD);
    const mint = (headers: Record<string, string>) =>
      fetch(`${api.base}/api/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'mint-1', ...headers }, body: JSON.stringify({ name: 'sync', scopes: ['read', 'write'], expiresInDays: 30 }) });
    const first = await mint({ cookie: session.cookie, 'x-csrf-token': session.csrf });
    const { secret } = (await first.json()) as { secret: string };
    expect(secret).toMatch(/^concord_/);
    const again = await mint({ cookie: session.cookie, 'x-csrf-token': session.csrf });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(JSON.stringify(await again.json())).not.toContain(secret);
    const kept = await api.concord.database.db.selectFrom('http_idempotency').select('body').execute();
    expect(kept.map((k) => k.body).join('\n')).not.toContain(secret.slice(-20));
    const reader = await issueToken(api.concord, 'officer', { name: 'reader', scopes: ['read'], expiresInDays: 1 }, { actor: 'test' });
    if (!reader.ok) throw new Error(reader.refusal.message);
    const asReader = { authorization: `Bearer ${reader.value.secret}` };
    expect((await mint(asReader)).status).toBe(403);
    const tokens = (await (await fetch(`${api.base}/api/tokens`, { headers: asReader })).json()) as { tokens: { id: string; name: string }[] };
    const sync = tokens.tokens.find((t) => t.name === 'sync');
    expect((await fetch(`${api.base}/api/tokens/${sync?.id ?? ''}`, { method: 'DELETE', headers: asReader })).status).toBe(403);
    const observer = await issueToken(api.concord, 'observer', { name: 'too much', scopes: ['read', 'write'], expiresInDays: 1 }, { actor: 'test' });
    expect(observer.ok ? 'issued' : observer.refusal.field).toBe('scopes');
  });

  it('refuses an oversized body with 413 and a problem, before reading it whole', async () => {
    const response = await call(api, 'officer', 'POST', '/api/statements', { speaker: 'x'.repeat(300 * 1024) });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers with security headers', async () => {
    const response = await fetch(`${api.base}/api/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-frame-options')).toBeTruthy();
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('publishes an OpenAPI 3.1 document that validates', async () => {
    const doc = (await (await fetch(`${api.base}/api/openapi.json`)).json()) as Record<string, unknown>;
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect((await fetch(`${api.base}/api/docs`, { redirect: 'manual' })).status).toBeLessThan(400);
  });
});

describe('rate limits', () => {
  it('limits requests per account and per address, answering 429 with a problem', async () => {
    const api = await startApi(sqlite, { rateLimit: { perAccount: 5, perAddress: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await call(api, 'analyst', 'GET', '/api/overview')).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      // Another account is counted apart; an anonymous caller by its address.
      expect((await call(api, 'observer', 'GET', '/api/overview')).status).toBe(200);
      const anonymous: number[] = [];
      for (let i = 0; i < 4; i++) anonymous.push((await call(api, undefined, 'GET', '/api/overview')).status);
      expect(anonymous).toEqual([401, 401, 401, 429]);
      const limited = await call(api, 'analyst', 'GET', '/api/overview');
      expect(limited.headers.get('content-type')).toContain('application/problem+json');
      expect(limited.body).toMatchObject({ status: 429 });
    } finally {
      await api.close();
    }
  });
});

describe('concord user', () => {
  const concord = (args: string[], dataDir: string) =>
    spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'concord.js'), ...args, '--data', dataDir], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });

  it('adds, lists and disables accounts; a bad role or state exits 2 naming it', { timeout: 90_000 }, async () => {
    const place = await sqlite.fresh();
    const dataDir = (place.config as { dataDir: string }).dataDir;
    try {
      const added = concord(['user', 'add', 'kaz-delegate', '--role', 'delegate', '--state', 'KAZ'], dataDir);
      expect(added.status).toBe(0);
      expect(added.stdout).toMatch(/one-time password: \S{16}/);
      const badState = concord(['user', 'add', 'x-delegate', '--role', 'delegate', '--state', 'FRA'], dataDir);
      expect(badState.status).toBe(2);
      expect(badState.stderr).toMatch(/--state: a delegate is accredited by a member state/);
      expect(concord(['user', 'add', 'someone', '--role', 'king'], dataDir).stderr).toMatch(/--role: expected one of/);
      expect(concord(['user', 'disable', 'kaz-delegate'], dataDir).status).toBe(0);
      const listed = concord(['user', 'list', '--json'], dataDir);
      expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ username: 'kaz-delegate', role: 'delegate', state: 'KAZ', disabledAt: expect.any(String) as string })]);
    } finally {
      await place.cleanup();
    }
  });
});
