/**
 * Where the data cannot be had or kept: a folder without a database, read-only media, a
 * PostgreSQL server out of reach, a full disk. Each is said in one line naming the place and the
 * system's own code, nothing is created or half-written, and the server's readiness says why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startConcord } from '../src/app/index.js';
import { readHead } from '../src/ledger/index.js';
import { openStore } from '../src/modules/composition.js';
import { StoreError } from '../src/store/store-error.js';
import { call, PASSWORD, startApi } from './support/api.js';
import { cannotMakeReadOnly, cannotMount, makeReadOnly, mountTmpfs } from './support/mounts.js';
import { enginesToTest, POSTGRES_URL, sqlite } from './support/stores.js';

const engines = await enginesToTest();
const BIN = join(import.meta.dirname, '..', 'bin', 'concord.js');
const UNREACHABLE = 'postgres://postgres@127.0.0.1:1/test';

function concord(args: readonly string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const folders: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-storage-'));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

if (cannotMount) console.warn(`⚠ the full-disk test is SKIPPED: ${cannotMount}`);
if (cannotMakeReadOnly) console.warn(`⚠ the read-only media tests are SKIPPED: ${cannotMakeReadOnly}`);

describe('commands that only read', () => {
  it('say there is no database in the folder, and create nothing there', { timeout: 120_000 }, () => {
    const data = join(freshDir(), 'none');
    const empty = freshDir();
    for (const command of [['ledger', 'verify'], ['ledger', 'export'], ['ledger', 'replay'], ['registry'], ['registry', '--state', 'ARM'], ['decision', 'list'], ['user', 'list']]) {
      for (const folder of [data, empty]) {
        const r = concord([...command, '--data', folder]);
        expect(r.code).toBe(1);
        expect(r.stderr).toBe(`concord ${command.slice(0, 2).filter((w) => !w.startsWith('-')).join(' ')}: no Concord database in ${folder}; this command creates none: "concord init" sets one up, "concord ledger import FILE" loads an export (with the same --data)\n`);
      }
    }
    expect(existsSync(data)).toBe(false);
    expect(readdirSync(empty)).toEqual([]);
  });

  it.skipIf(cannotMakeReadOnly !== undefined)('verify and export a ledger on read-only media, writing nothing beside it', { timeout: 60_000 }, () => {
    const data = freshDir();
    expect(concord(['init', '--data', data]).code).toBe(0);
    const before = readdirSync(data).sort();
    const readOnly = makeReadOnly(data);
    try {
      const verified = concord(['ledger', 'verify', '--data', data]);
      expect(verified).toMatchObject({ code: 0, stderr: '' });
      expect(verified.stdout).toMatch(/^ledger verified: \d+ entries/);
      const exported = concord(['ledger', 'export', '--data', data]);
      expect(exported.code).toBe(0);
      expect(exported.stdout.trim().split('\n').at(-1)).toMatch(/^\{"end":"concord-ledger","count":\d+/);
      // A command that writes is refused in one line naming the folder and the system's code.
      const acted = concord(['timers', '--data', data]);
      expect(acted.code).toBe(1);
      expect(acted.stderr).toMatch(new RegExp(`^concord timers: cannot write ${data}[^\\n]*: ${readOnly.code} \\(`));
      expect(readdirSync(data).sort()).toEqual(before);
    } finally {
      readOnly.restore();
    }
  });
});

describe('a PostgreSQL server out of reach', () => {
  it('is named by its address and the cause, in one line without a stack trace', { timeout: 60_000 }, () => {
    for (const command of [['ledger', 'verify'], ['registry'], ['init'], ['ledger', 'import', '/dev/null']]) {
      const r = concord(command, { DATABASE_URL: UNREACHABLE });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^concord [a-z ]+: cannot reach PostgreSQL at 127\.0\.0\.1:1 \(ECONNREFUSED: [^\n]*\)\n$/);
    }
  });

  it('is a StoreError when opened in the process', async () => {
    await expect(openStore({ url: UNREACHABLE })).rejects.toMatchObject({ name: 'StoreError', problem: 'unreachable', message: expect.stringMatching(/^cannot reach PostgreSQL at 127\.0\.0\.1:1 \(ECONNREFUSED/) as string });
  });
});

describe.each(engines)('opening the store on $name', (engine) => {
  it('without a database, for reading, refuses and creates nothing', async () => {
    const { config, cleanup } = await engine.fresh();
    try {
      const where = 'dataDir' in config ? { dataDir: join(config.dataDir, 'none') } : config;
      for (const mode of ['existing', 'read-only'] as const) await expect(openStore(where, mode)).rejects.toMatchObject({ problem: 'no-database', message: expect.stringContaining('no Concord database') as string });
      if ('dataDir' in where) expect(existsSync(where.dataDir)).toBe(false);
      else expect(await tablesIn(where.schema ?? 'public')).toBe(0);
    } finally {
      await cleanup();
    }
  });

  it('read-only, refuses every write as such', async () => {
    const { config, cleanup } = await engine.fresh();
    try {
      await (await startConcord({ store: config })).close();
      const database = await openStore(config, 'read-only');
      try {
        expect((await readHead(database))?.seq).toBeGreaterThan(0);
        const write = database.writeTransaction((trx) => trx.deleteFrom('ledger_idempotency').execute());
        await expect(write).rejects.toMatchObject({ name: 'StoreError', problem: 'read-only' });
      } finally {
        await database.close();
      }
    } finally {
      await cleanup();
    }
  });
});

async function tablesIn(schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const found = await client.query<{ n: string }>('select count(*) as n from information_schema.tables where table_schema = $1', [schema]);
    return Number(found.rows[0]?.n);
  } finally {
    await client.end();
  }
}

describe('the embedded database on a folder that may not be written', () => {
  it.skipIf(cannotMakeReadOnly !== undefined)('does not start, naming the folder and the system’s code', async () => {
    const data = freshDir();
    await (await startConcord({ store: { dataDir: data } })).close();
    const before = readdirSync(data).sort();
    const readOnly = makeReadOnly(data);
    try {
      const started = startConcord({ store: { dataDir: data } });
      await expect(started).rejects.toBeInstanceOf(StoreError);
      await expect(started).rejects.toMatchObject({ problem: 'read-only', message: expect.stringMatching(new RegExp(`^cannot write ${data}.*: ${readOnly.code} \\(`)) as string });
      await expect(startConcord({ store: { dataDir: join(data, 'inner') } })).rejects.toMatchObject({ problem: 'read-only', message: expect.stringContaining(readOnly.code) as string });
      expect(readdirSync(data).sort()).toEqual(before);
    } finally {
      readOnly.restore();
    }
  });
});

describe('a full disk under a running server', () => {
  it.skipIf(cannotMount !== undefined)('refuses the act naming SQLITE_FULL, writes nothing of it, and is not ready until space is freed', { timeout: 60_000 }, async () => {
    const disk = freshDir();
    const unmount = mountTmpfs(disk, 32 * 1024 * 1024);
    try {
      const data = join(disk, 'data');
      const api = await startApi(sqlite, {}, { config: { dataDir: data }, cleanup: () => Promise.resolve() });
      try {
        const note = (reference: string) => ({ sender: 'KAZ', authority: 'Ministry of Foreign Affairs', reference, dated: api.concord.today(), kind: 'other', subject: 'On the budget' });
        // The log starts empty, so the next append must grow the file: the disk is then filled.
        await sql`pragma wal_checkpoint(TRUNCATE)`.execute(api.concord.database.db);
        const filler = join(disk, 'filler');
        fill(filler);
        const head = await readHead(api.concord.database);
        const notes = async () => (await api.concord.database.db.selectFrom('projection_correspondence').selectAll().execute()).length;
        const before = await notes();

        const refused = await call(api, 'officer', 'POST', '/api/correspondence', note('K/full'));
        expect(refused).toMatchObject({ status: 503, body: { detail: 'the disk is full (SQLITE_FULL); nothing was recorded' } });
        expect(await readHead(api.concord.database)).toEqual(head);
        expect(await notes()).toBe(before);
        expect(api.logs.some((l) => l.storage === 'full' && String(l.msg).startsWith(`cannot write ${join(data, 'concord.db')}: SQLITE_FULL`))).toBe(true);
        expect(await call(api, undefined, 'GET', '/api/ready')).toMatchObject({ status: 503, body: { ready: false, reason: 'the disk is full (SQLITE_FULL)' } });
        expect((await call(api, undefined, 'GET', '/api/ready')).status).toBe(503);

        rmSync(filler);
        expect(await call(api, undefined, 'GET', '/api/ready')).toMatchObject({ status: 200, body: { ready: true } });
        expect((await call(api, 'officer', 'POST', '/api/correspondence', note('K/full'))).status).toBe(201);
        expect(await notes()).toBe(before + 1);
      } finally {
        await api.close();
      }
    } finally {
      unmount();
    }
  });
});

describe('a full disk met outside the ledger', () => {
  it.skipIf(cannotMount !== undefined)('a sign-in that cannot be kept answers 503, and readiness learns of it', { timeout: 60_000 }, async () => {
    const disk = freshDir();
    const unmount = mountTmpfs(disk, 32 * 1024 * 1024);
    try {
      const api = await startApi(sqlite, {}, { config: { dataDir: join(disk, 'data') }, cleanup: () => Promise.resolve() });
      try {
        await sql`pragma wal_checkpoint(TRUNCATE)`.execute(api.concord.database.db);
        const filler = join(disk, 'filler');
        fill(filler);
        const signIn = await fetch(`${api.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'officer', password: PASSWORD }) });
        expect(signIn.status).toBe(503);
        expect(await call(api, undefined, 'GET', '/api/ready')).toMatchObject({ status: 503, body: { ready: false, reason: 'the disk is full (SQLITE_FULL)' } });
        rmSync(filler);
        expect((await call(api, undefined, 'GET', '/api/ready')).status).toBe(200);
      } finally {
        await api.close();
      }
    } finally {
      unmount();
    }
  });
});

/** Writes zeros until the disk refuses another byte. */
function fill(file: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const chunks = [1024 * 1024, 4096, 1];
  let written = 0;
  for (const size of chunks) {
    for (;;) {
      try {
        writeFileSync(file, Buffer.alloc(size), { flag: 'a' });
        written += size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
        throw error;
      }
    }
  }
  expect(written).toBeGreaterThan(0);
}
