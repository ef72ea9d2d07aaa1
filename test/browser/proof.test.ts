/**
 * The proof of the record in a real browser: a delegate, who may not read the ledger itself,
 * sees the checkpoint the organization signed, checks one it holds against the ledger now (and a
 * forged one is refused, saying why), and downloads the proof of one entry; the page reads in
 * Russian too.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCheckpoint } from '../../src/app/proof.js';
import { registerOfficialNote } from '../../src/app/index.js';
import { browserAvailable, openDesk, type Desk } from '../support/browser.js';

describe.runIf(browserAvailable)('the proof of the record in a browser', { timeout: 60_000 }, () => {
  let browsers: Desk;
  let held = '';

  beforeAll(async () => {
    browsers = await openDesk();
    held = JSON.stringify(await signCheckpoint(browsers.concord));
    // The ledger grows after the member received its checkpoint.
    await registerOfficialNote(browsers.concord, { sender: 'KAZ', authority: 'Ministry of Foreign Affairs', reference: 'KAZ/PROOF/1', dated: browsers.concord.today(), kind: 'other', subject: 'A note after the checkpoint' }, { actor: 'test' });
  }, 60_000);

  afterAll(() => browsers.close());

  it('a delegate sees the signed checkpoint and checks the one it holds', async () => {
    const delegate = await browsers.browserOf('delegate-kaz');
    await delegate.goto(`${browsers.base}/proof`);
    const card = delegate.getByTestId('checkpoint');
    await expect.poll(() => card.textContent()).toMatch(/Merkle root[0-9a-f]{64}/);
    await delegate.getByLabel('Checkpoint (JSON)').fill(held);
    await delegate.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => delegate.getByTestId('consistency').textContent()).toContain('Consistent: the ledger of');
    await browsers.shot(delegate, 'proof', { fullPage: true });
  });

  it('a checkpoint whose root was changed is refused, saying it is not the organization’s', async () => {
    const delegate = await browsers.browserOf('delegate-kaz');
    const forged = { ...(JSON.parse(held) as Record<string, unknown>), root: 'f'.repeat(64) };
    await delegate.getByLabel('Checkpoint (JSON)').fill(JSON.stringify(forged));
    await delegate.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => delegate.getByRole('alert').first().textContent()).toContain('not signed by this organization');
  });

  it('downloads the proof that an entry is in the ledger', async () => {
    const delegate = await browsers.browserOf('delegate-kaz');
    await delegate.getByLabel('Entry number').fill('1');
    const [download] = await Promise.all([delegate.waitForEvent('download'), delegate.getByRole('button', { name: 'Download its proof' }).click()]);
    const proof = JSON.parse(readFileSync(await download.path(), 'utf8')) as { format: string; seq: number; path: string[] };
    expect(proof).toMatchObject({ format: 'concord-inclusion/v1', seq: 1 });
  });

  it('reads in Russian', async () => {
    const delegate = await browsers.browserOf('delegate-kaz');
    await delegate.getByLabel('Language / Язык').selectOption('ru');
    await expect.poll(() => delegate.getByRole('heading', { level: 1 }).textContent()).toBe('Доказательство записи');
    await browsers.shot(delegate, 'proof-ru', { fullPage: true });
  });
});
