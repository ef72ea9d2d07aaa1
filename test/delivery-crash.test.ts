/**
 * A delivery worker killed with SIGKILL while it sends: after a restart nothing is lost, no
 * delivery is recorded twice, and a message that may have gone out just before the kill is sent
 * again with the same Message-ID, by which the receiver drops the copy.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addAgendaItem, closeSession, conveneSession, deliverDue, draftDecision, recordAttendance, setContactPoint, smtpTransport, startConcord, type Concord } from '../src/app/index.js';
import { startSmtp } from './support/receivers.js';
import { enginesToTest } from './support/stores.js';

const engines = await enginesToTest();
const WORKER = join(import.meta.dirname, 'support', 'deliver-forever.ts');
const CSTO = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];
const officer = { actor: 'officer:test' };

describe.each(engines)('a delivery worker killed mid-delivery on $name', (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((c) => c()));
  });

  it('loses nothing and records no delivery twice', async () => {
    const place = await engine.fresh();
    cleanups.push(place.cleanup);
    const smtp = await startSmtp(15);
    cleanups.push(smtp.stop);
    const c: Concord = await startConcord({ store: place.config });
    cleanups.unshift(() => c.close());
    for (const state of CSTO) await setContactPoint(c, { state, authority: `MFA ${state}`, email: `mfa@${state.toLowerCase()}.test`, language: 'en' }, officer);
    const session = await conveneSession(c, { id: 'S-1', body: 'collective-security-council', date: c.today(), place: 'Moscow', temporaryChair: 'RUS' }, officer);
    expect(session.ok).toBe(true);
    for (let i = 0; i < 10; i++) {
      await draftDecision(c, { id: `D-${i}`, title: { en: `Item ${i}`, ru: `Пункт ${i}` }, text: { en: 'Text.', ru: 'Текст.' }, body: 'collective-security-council', question: 'substantive', initiator: 'Secretariat' }, officer);
      await addAgendaItem(c, 'S-1', `D-${i}`, officer);
    }
    for (const state of CSTO) await recordAttendance(c, 'S-1', state, true, officer);
    expect((await closeSession(c, 'S-1', officer)).ok).toBe(true);

    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(place.config), smtp.url], { stdio: ['ignore', 'ignore', 'pipe'] });
    await expect.poll(() => smtp.received.length, { timeout: 20_000, interval: 10 }).toBeGreaterThanOrEqual(15);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(smtp.received.length).toBeLessThan(60);

    await new Promise((resolve) => setTimeout(resolve, 600));
    await deliverDue(c, { email: smtpTransport(smtp.url, 'secretariat@csto.test') }, { publicUrl: 'https://concord.test', leaseMs: 500 });

    const expected = CSTO.flatMap((s) => Array.from({ length: 10 }, (_, i) => `D-${i}:${s}:email@concord`)).sort();
    expect([...new Set(smtp.received.map((r) => r.key))].sort()).toEqual(expected);
    expect(smtp.received.length - expected.length).toBeLessThanOrEqual(1);
    const recorded = await c.database.db.selectFrom('ledger_entries').select('data').where('type', '=', 'NotificationDelivered').execute();
    expect(recorded).toHaveLength(60);
    const pending = await c.database.db.selectFrom('outbox_deliveries').select('id').where('status', '!=', 'delivered').execute();
    expect(pending).toEqual([]);
  });
});
