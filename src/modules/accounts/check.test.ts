/**
 * The tables that grant power are the ledger's projection, and the check finds every row changed
 * behind its back: a role raised, a token or account row inserted, a token un-revoked, a password
 * hash swapped. A replay rebuilds them identically, and an import into a new database rebuilds
 * them without any secret: tokens keep working, passwords are reset.
 */
import { hash } from '@node-rs/argon2';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeRole, createAccount, disableAccount, ensureFirstAdmin, issueToken, resetPassword, revokeToken, signIn, startConcord, tokenPrincipal, type Concord } from '../../app/index.js';
import { exportLines, importLines, replayProjections } from '../../ledger/index.js';
import { openStore, projectEntries, READ_MODELS } from '../composition.js';
import { enginesToTest, type Engine } from '../../../test/support/stores.js';
import { accountsWithoutPassword, checkPowerTables, passwordsToResetNotice } from './check.js';

const engines = await enginesToTest();
const SYSTEM = { actor: 'test' };
const PASSWORD = 'a long enough password';

type Place = Awaited<ReturnType<Engine['fresh']>>;

describe.each(engines)('the tables that grant power on $label', (engine) => {
  let place: Place;
  let c: Concord;
  let tokenId = '';
  let bearer = '';
  beforeEach(async () => {
    place = await engine.fresh();
    c = await startConcord({ store: place.config });
    for (const username of ['chief', 'deputy', 'reader']) {
      const created = await createAccount(c, { username, role: username === 'reader' ? 'analyst' : 'admin', password: PASSWORD }, SYSTEM, { keepPassword: true });
      if (!created.ok) throw new Error(created.refusal.message);
    }
    const issued = await issueToken(c, 'reader', { name: 'monitor', scopes: ['read'], expiresInDays: 30 }, SYSTEM);
    const spare = await issueToken(c, 'reader', { name: 'spare', scopes: ['read'], expiresInDays: 30 }, SYSTEM);
    if (!issued.ok || !spare.ok) throw new Error('tokens');
    tokenId = issued.value.token.id;
    bearer = issued.value.secret;
    await revokeToken(c, 'reader', spare.value.token.id, SYSTEM);
  });
  afterEach(async () => {
    await c.close();
    await place.cleanup();
  });

  it('agree with the ledger after every act on accounts, and a replay rebuilds them as they were', async () => {
    await changeRole(c, 'deputy', { role: 'officer' }, SYSTEM);
    await resetPassword(c, 'reader', SYSTEM);
    await disableAccount(c, 'deputy', SYSTEM);
    expect(await checkPowerTables(c.database)).toEqual({ ok: true, accounts: 3, tokens: 2 });
    expect((await replayProjections(c.database, READ_MODELS)).differing).toEqual([]);
  });

  it('names a role raised in the table', async () => {
    await sql`update accounts set role = 'admin' where username = 'reader'`.execute(c.database.db);
    expect(await checkPowerTables(c.database)).toEqual({ ok: false, table: 'accounts', key: 'reader', reason: 'role is "admin", the ledger says "analyst"' });
  });

  it('names an account row and a token row that no event records', async () => {
    await sql`insert into accounts (username, role, state, must_change_password, created_at, disabled_at, password_hash_digest) values ('intruder', 'admin', null, 0, '2026-01-01T00:00:00.000Z', null, null)`.execute(c.database.db);
    expect(await checkPowerTables(c.database)).toMatchObject({ ok: false, table: 'accounts', key: 'intruder', reason: expect.stringContaining('no event in the ledger records it') as string });
    await sql`delete from accounts where username = 'intruder'`.execute(c.database.db);
    await sql`insert into api_tokens (id, username, name, secret_hash_digest, scopes, created_at, expires_at, revoked_at) values ('forged000000', 'chief', 'x', ${'0'.repeat(64)}, '["read","write"]', '2026-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z', null)`.execute(c.database.db);
    expect(await checkPowerTables(c.database)).toMatchObject({ ok: false, table: 'api_tokens', key: 'forged000000' });
  });

  it('names a revoked token un-revoked, and a token whose digest was swapped', async () => {
    await sql`update api_tokens set revoked_at = null where name = 'spare'`.execute(c.database.db);
    expect(await checkPowerTables(c.database)).toMatchObject({ ok: false, table: 'api_tokens', reason: expect.stringMatching(/^revoked_at is null, the ledger says "/) as string });
    await replayProjections(c.database, READ_MODELS);
    await sql`update api_tokens set secret_hash_digest = ${'f'.repeat(64)} where id = ${tokenId}`.execute(c.database.db);
    expect(await checkPowerTables(c.database)).toMatchObject({ ok: false, table: 'api_tokens', key: tokenId, reason: expect.stringContaining('secret_hash_digest') as string });
  });

  it('names a password hash swapped behind the ledger, which signs no one in', async () => {
    const known = await hash('the attacker’s own password');
    await sql`update account_credentials set password_hash = ${known} where username = 'chief'`.execute(c.database.db);
    expect(await checkPowerTables(c.database)).toEqual({ ok: false, table: 'account_credentials', key: 'chief', reason: 'the password hash is not the one the ledger recorded (its SHA-256 differs)' });
    const attempt = await signIn(c, 'chief', 'the attacker’s own password', 0);
    expect(attempt).toMatchObject({ ok: false, reason: 'the stored password hash is not the one the ledger recorded' });
  });

  it('names a password kept for an account the ledger does not record', async () => {
    await sql`insert into account_credentials (username, password_hash, failed_logins, locked_until) values ('ghost', 'x', 0, null)`.execute(c.database.db);
    expect(await checkPowerTables(c.database)).toMatchObject({ ok: false, table: 'account_credentials', key: 'ghost' });
  });

  it('are rebuilt by an import without a secret: tokens keep working, passwords are reset', async () => {
    const lines: string[] = [];
    for await (const line of exportLines(c.database)) lines.push(line);
    expect(lines.join('\n')).not.toMatch(/\$argon2/);
    const elsewhere = await engine.fresh();
    try {
      const database = await openStore(elsewhere.config);
      expect(await importLines(database, lines, projectEntries)).toMatchObject({ ok: true });
      expect(await checkPowerTables(database)).toEqual({ ok: true, accounts: 3, tokens: 2 });
      expect(await accountsWithoutPassword(database)).toEqual(['chief', 'deputy', 'reader']);
      expect(await passwordsToResetNotice(database)).toMatch(/^3 accounts have no password here \(chief, deputy, reader\): .*concord user reset-password NAME/);
      await database.close();
      const moved = await startConcord({ store: elsewhere.config });
      try {
        expect(await tokenPrincipal(moved, bearer)).toMatchObject({ ok: true, principal: { username: 'reader', role: 'analyst' } });
        expect(await signIn(moved, 'chief', PASSWORD, 0)).toMatchObject({ ok: false, reason: expect.stringContaining('no password is kept here') as string });
        const first = await ensureFirstAdmin(moved);
        expect(first).toMatchObject({ username: 'chief', created: false });
        const signedIn = await signIn(moved, 'chief', first?.oneTimePassword ?? '', 0);
        expect(signedIn).toMatchObject({ ok: true, value: { account: { mustChangePassword: true } } });
        expect(await ensureFirstAdmin(moved)).toBeUndefined();
        expect(await checkPowerTables(moved.database)).toMatchObject({ ok: true });
      } finally {
        await moved.close();
      }
    } finally {
      await elsewhere.cleanup();
    }
  });
});
