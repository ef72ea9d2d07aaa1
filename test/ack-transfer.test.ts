/**
 * Moving an instance: the ledger's export is public and carries no secret, so the links sent
 * before the move are honoured after it only because the instance's acknowledgement key moves
 * with it (its data folder's keys/, or CONCORD_ACK_KEY). An instance set up anew has a key of its
 * own, and refuses them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  acknowledge,
  ackToken,
  addAgendaItem,
  closeSession,
  conveneSession,
  deliverDue,
  draftDecision,
  recordAttendance,
  setContactPoint,
  startConcord,
  type Concord,
  type EmailMessage,
} from '../src/app/index.js';
import { ACK_KEY_FILE } from '../src/app/instance-secrets.js';
import { exportLines, importLines } from '../src/ledger/index.js';
import { openStore, projectEntries } from '../src/modules/composition.js';
import type { StoreConfig } from '../src/store/database.js';
import { call, startApi } from './support/api.js';
import { enginesToTest, sqlite, type Engine } from './support/stores.js';

const engines = await enginesToTest();
const officer = { actor: 'officer:test' };
const CSTO = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];
const folders: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-move-'));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A decision adopted at a session, notified to Armenia by e-mail: the link that mail carries. */
async function notifiedLink(c: Concord): Promise<string> {
  expect((await setContactPoint(c, { state: 'ARM', authority: 'Ministry of Foreign Affairs of Armenia', email: 'mfa@arm.test', language: 'en' }, officer)).ok).toBe(true);
  const draft = { id: 'D-moved', title: { en: 'On the budget', ru: 'О бюджете' }, text: { en: 'The budget is approved.', ru: 'Бюджет утверждается.' }, body: 'collective-security-council', question: 'substantive', initiator: 'Secretariat' };
  expect((await draftDecision(c, draft, officer)).ok).toBe(true);
  const session = await conveneSession(c, { body: 'collective-security-council', date: c.today(), place: 'Moscow', temporaryChair: 'RUS' }, officer);
  if (!session.ok) throw new Error(session.refusal.message);
  expect((await addAgendaItem(c, session.value.id, 'D-moved', officer)).ok).toBe(true);
  for (const state of CSTO) await recordAttendance(c, session.value.id, state, true, officer);
  expect((await closeSession(c, session.value.id, officer)).ok).toBe(true);
  const mail: EmailMessage[] = [];
  await deliverDue(c, { email: (m) => { mail.push(m); return Promise.resolve(); } }, { publicUrl: 'https://concord.test', backoffMs: 1000 });
  const link = /https:\/\/concord\.test\/ack\/(\S+)/.exec(mail.find((m) => m.to === 'mfa@arm.test')?.text ?? '')?.[1];
  if (!link) throw new Error('no acknowledgement link was sent to Armenia');
  return link;
}

/** The ledger exported from `from` and imported into `to`, as `concord ledger export|import` do. */
async function move(from: Concord, to: StoreConfig): Promise<string> {
  const lines: string[] = [];
  for await (const line of exportLines(from.database)) lines.push(line);
  const target = await openStore(to);
  try {
    expect(await importLines(target, lines, projectEntries)).toMatchObject({ ok: true });
  } finally {
    await target.close();
  }
  return lines.join('\n');
}

describe('acknowledgement links across an export and import of the embedded database', () => {
  it('still acknowledge when the data folder’s keys/ moves with the export, and the export holds no secret', { timeout: 60_000 }, async () => {
    const source = freshDir();
    const before = await startConcord({ store: { dataDir: source } });
    const token = await notifiedLink(before);
    const moved = join(freshDir(), 'moved');
    const exported = await move(before, { dataDir: moved });
    await before.close();
    expect(exported).not.toContain(readFileSync(join(source, 'keys', ACK_KEY_FILE), 'utf8').trim());
    cpSync(join(source, 'keys'), join(moved, 'keys'), { recursive: true });
    const api = await startApi(sqlite, {}, { config: { dataDir: moved }, cleanup: () => Promise.resolve() });
    try {
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      const acknowledged = await fetch(`${api.base}/ack/${token}`, { method: 'POST', headers: form, body: '' });
      expect(acknowledged.status).toBe(200);
      expect(await acknowledged.text()).toContain('Receipt acknowledged for ARM');
      expect((await call(api, 'officer', 'GET', '/api/decisions/D-moved')).body).toMatchObject({ notifications: expect.arrayContaining([expect.objectContaining({ state: 'ARM', acknowledgedAt: expect.any(String) as string })]) as unknown[] });
    } finally {
      await api.close();
    }
  });

  it('are refused by an instance imported without its keys, which has a key of its own', { timeout: 60_000 }, async () => {
    const source = freshDir();
    const before = await startConcord({ store: { dataDir: source } });
    const token = await notifiedLink(before);
    const bare = join(freshDir(), 'bare');
    await move(before, { dataDir: bare });
    await before.close();
    const after = await startConcord({ store: { dataDir: bare } });
    try {
      expect(await acknowledge(after, { token }, officer)).toMatchObject({ ok: false, refusal: { field: 'token' } });
    } finally {
      await after.close();
    }
  });
});

describe.each(engines)('acknowledgement links across an export and import on $name, the key named by CONCORD_ACK_KEY', (engine: Engine) => {
  it('still acknowledge in the new database', { timeout: 60_000 }, async () => {
    const key = join(freshDir(), 'ack.key');
    cpSync(await keyFileOf(), key);
    process.env.CONCORD_ACK_KEY = key;
    const places = [await engine.fresh(), await engine.fresh()];
    try {
      const [from, to] = places.map((p) => p.config) as [StoreConfig, StoreConfig];
      const before = await startConcord({ store: from });
      const token = await notifiedLink(before);
      await move(before, to);
      await before.close();
      const after = await startConcord({ store: to });
      try {
        expect(await acknowledge(after, { token }, { actor: 'link' })).toMatchObject({ ok: true, value: { state: 'ARM', via: 'link' } });
      } finally {
        await after.close();
      }
    } finally {
      delete process.env.CONCORD_ACK_KEY;
      for (const place of places) await place.cleanup();
    }
  });
});

/** A key file as an instance makes one, at its first link. */
async function keyFileOf(): Promise<string> {
  const dir = freshDir();
  const c = await startConcord({ store: { dataDir: dir } });
  try {
    await ackToken(c, 'D-any', 'ARM');
  } finally {
    await c.close();
  }
  return join(dir, 'keys', ACK_KEY_FILE);
}

describe('the acknowledgement secret a database kept before', () => {
  it('moves to the keys folder and leaves the database, so that whoever holds the database cannot forge links', async () => {
    const dir = freshDir();
    const c = await startConcord({ store: { dataDir: dir } });
    try {
      const old = 'ab'.repeat(32);
      await c.database.db.insertInto('app_secrets').values({ key: 'ack-links', value: old }).execute();
      await ackToken(c, 'D-any', 'ARM');
      expect(readFileSync(join(dir, 'keys', ACK_KEY_FILE), 'utf8').trim()).toBe(old);
      expect(await c.database.db.selectFrom('app_secrets').selectAll().where('key', '=', 'ack-links').execute()).toEqual([]);
    } finally {
      await c.close();
    }
  });
});
