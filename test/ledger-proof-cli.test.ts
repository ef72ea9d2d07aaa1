/**
 * Proof beyond the database as the command line and the server give it: checkpoints, verification
 * against them, proofs a member checks with `concord-verify`, and a server that will not serve a
 * ledger rewritten behind its back.
 */
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/modules/composition.js';
import { reseal, rewriteSubject } from './support/tamper.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'concord.js');
const VERIFY = join(import.meta.dirname, '..', 'bin', 'concord-verify.js');
const fresh = (): string => mkdtempSync(join(tmpdir(), 'concord-proof-'));
const today = new Date().toISOString().slice(0, 10);

function run(bin: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', CONCORD_SIGNING_KEY: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const concord = (args: string[], env?: Record<string, string>) => run(BIN, args, env);

function note(data: string, reference: string, subject: string, env?: Record<string, string>): void {
  const r = concord(['note', 'register', '--data', data, '--from', 'KAZ', '--authority', 'MFA', '--reference', reference, '--dated', today, '--kind', 'other', '--subject', subject], env);
  expect(r.code, r.stderr).toBe(0);
}

function keyFile(): string {
  const file = join(fresh(), 'org.pem');
  writeFileSync(file, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return file;
}

describe('concord ledger checkpoint, verify --against and prove', { timeout: 60_000 }, () => {
  it('a grown ledger extends its checkpoint; another history under the same key does not', () => {
    const env = { CONCORD_SIGNING_KEY: keyFile() };
    const [a, b] = [fresh(), fresh()];
    note(a, 'N/1', 'one', env);
    note(b, 'N/1', 'one, another history', env);
    const checkpoint = join(fresh(), 'cp.json');
    const signed = concord(['ledger', 'checkpoint', '--data', a, '--json'], env);
    expect(signed.code, signed.stderr).toBe(0);
    writeFileSync(checkpoint, signed.stdout);
    note(a, 'N/2', 'two', env);
    note(b, 'N/2', 'two', env);
    const grown = concord(['ledger', 'verify', '--data', a, '--against', checkpoint], env);
    expect(grown.code, grown.stderr).toBe(0);
    expect(grown.stdout).toContain('a consistent extension of the checkpoint');
    const other = concord(['ledger', 'verify', '--data', b, '--against', checkpoint], env);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/entry \d+ fails: .*rewritten/);
  });

  it('an entry edited in the database and the chain resealed, tree and all, is named by verify --against', async () => {
    const data = fresh();
    note(data, 'N/1', 'one');
    const checkpoint = join(fresh(), 'cp.json');
    writeFileSync(checkpoint, concord(['ledger', 'checkpoint', '--data', data, '--json']).stdout);
    note(data, 'N/2', 'two');
    const db = await openStore({ dataDir: data });
    const noteSeq = (await db.db.selectFrom('ledger_entries').select('seq').where('type', '=', 'NoteRegistered').orderBy('seq').executeTakeFirstOrThrow()).seq;
    await reseal(db, noteSeq, rewriteSubject, true);
    await db.close();
    expect(concord(['ledger', 'verify', '--data', data]).code).toBe(0);
    const against = concord(['ledger', 'verify', '--data', data, '--against', checkpoint]);
    expect(against.code).toBe(1);
    expect(against.stderr).toContain('the history before the checkpoint was rewritten');
  });

  it('a role changed in the accounts table behind the ledger is named by verify', async () => {
    const data = fresh();
    expect(concord(['user', 'add', 'reader', '--data', data, '--role', 'analyst']).code).toBe(0);
    const db = await openStore({ dataDir: data });
    await db.db.updateTable('accounts').set({ role: 'admin' }).where('username', '=', 'reader').execute();
    await db.close();
    const r = concord(['ledger', 'verify', '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the accounts table disagrees with the ledger at reader: .*admin/);
  });

  it('refuses a malformed checkpoint with exit 2 naming the field, and one whose fields were changed with exit 1', () => {
    const data = fresh();
    note(data, 'N/1', 'one');
    const cp = JSON.parse(concord(['ledger', 'checkpoint', '--data', data, '--json']).stdout) as { size: number; root: string };
    const file = join(fresh(), 'cp.json');
    writeFileSync(file, JSON.stringify({ ...cp, root: 'abc' }));
    const malformed = concord(['ledger', 'verify', '--data', data, '--against', file]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('"root"');
    writeFileSync(file, JSON.stringify({ ...cp, size: cp.size - 1 }));
    const changed = concord(['ledger', 'verify', '--data', data, '--against', file]);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('not signed by the organization');
  });

  it('says in one line, without a stack trace, when the key or the checkpoint kept beside it cannot be read', () => {
    const data = fresh();
    note(data, 'N/1', 'one');
    const missing = concord(['ledger', 'key', '--data', data], { CONCORD_SIGNING_KEY: join(data, 'no-such-key.pem') });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toMatch(/^concord ledger key: cannot read the organization key .*no-such-key\.pem \(ENOENT\)$/);
    expect(concord(['ledger', 'checkpoint', '--data', data]).code).toBe(0);
    writeFileSync(join(data, 'keys', 'last-checkpoint.json'), '{damaged');
    const damaged = concord(['ledger', 'checkpoint', '--data', data]);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr.trim()).toMatch(/^concord ledger checkpoint: .*last-checkpoint\.json is not JSON/);
  });

  it('proves an entry to concord-verify with the public key alone, and a forged path fails', () => {
    const data = fresh();
    note(data, 'N/1', 'one');
    note(data, 'N/2', 'two');
    const dir = fresh();
    writeFileSync(join(dir, 'org.pem'), concord(['ledger', 'key', '--data', data]).stdout);
    const proved = concord(['ledger', 'prove', '3', '--data', data, '--json']);
    expect(proved.code, proved.stderr).toBe(0);
    writeFileSync(join(dir, 'proof.json'), proved.stdout);
    const ok = run(VERIFY, ['inclusion', '--key', join(dir, 'org.pem'), join(dir, 'proof.json')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('verified: entry 3');
    const proof = JSON.parse(proved.stdout) as { path: string[] };
    writeFileSync(join(dir, 'forged.json'), JSON.stringify({ ...proof, path: [...proof.path].reverse() }));
    expect(run(VERIFY, ['inclusion', '--key', join(dir, 'org.pem'), join(dir, 'forged.json')]).code).toBe(1);
    expect(concord(['ledger', 'prove', '999999', '--data', data]).code).toBe(2);
  });
});

/** `concord serve` on a free port, once it says where it listens (to serve, or only to refuse). */
async function serve(data: string): Promise<{ server: ReturnType<typeof spawn>; base: string }> {
  const server = spawn(process.execPath, [BIN, 'serve', '--data', data, '--port', '0'], { env: { ...process.env, DATABASE_URL: '', CONCORD_SIGNING_KEY: '' } });
  const base = await new Promise<string>((resolve, reject) => {
    createInterface({ input: server.stdout }).on('line', (line) => {
      const url = /http:\/\/[\d.]+:\d+/.exec(line);
      if (url) resolve(url[0]);
    });
    server.on('exit', (code) => { reject(new Error(`serve exited with ${String(code)}`)); });
  });
  return { server, base };
}

describe('the server checks before it serves', { timeout: 60_000 }, () => {
  it('refuses to serve a ledger rewritten since the checkpoint it signed, saying which entry', async () => {
    const data = fresh();
    note(data, 'N/1', 'one');
    // The checkpoint the server keeps beside its key; then the rewrite, the tree rebuilt to match.
    expect(concord(['ledger', 'checkpoint', '--data', data]).code).toBe(0);
    const db = await openStore({ dataDir: data });
    const noteSeq = (await db.db.selectFrom('ledger_entries').select('seq').where('type', '=', 'NoteRegistered').orderBy('seq').executeTakeFirstOrThrow()).seq;
    await reseal(db, noteSeq, rewriteSubject, true);
    await db.close();
    const { server, base } = await serve(data);
    try {
      const ready = await fetch(`${base}/api/ready`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { ready: boolean; reason: string };
      expect(body.ready).toBe(false);
      expect(body.reason).toMatch(/entry \d+.*rewritten/);
      expect((await fetch(`${base}/api/health`)).status).toBe(503);
      expect((await fetch(`${base}/api/registry`)).status).toBe(503);
    } finally {
      server.kill('SIGTERM');
    }
  });

  it('serves a ledger that only grew, and signs where it checked up to', async () => {
    const data = fresh();
    note(data, 'N/1', 'one');
    expect(concord(['ledger', 'checkpoint', '--data', data]).code).toBe(0);
    note(data, 'N/2', 'two');
    const grown = JSON.parse(concord(['ledger', 'verify', '--data', data, '--json']).stdout) as { count: number };
    const { server, base } = await serve(data);
    try {
      expect((await fetch(`${base}/api/ready`)).status).toBe(200);
      const anchor = JSON.parse(readFileSync(join(data, 'keys', 'last-checkpoint.json'), 'utf8')) as { size: number };
      expect(anchor.size).toBeGreaterThanOrEqual(grown.count);
    } finally {
      server.kill('SIGTERM');
    }
  });
});
