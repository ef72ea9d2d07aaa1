/**
 * The note form in a real browser: an officer who enters a note long after its date is shown the
 * date for confirmation and asked why it comes only now; the note is registered with the reason.
 */
import { format, subDays } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, openDesk, type Desk } from '../support/browser.js';

const REFERENCE = 'KAZ-MFA/ARCHIVE-7';

describe.runIf(browserAvailable)('registering a back-dated note in a browser', { timeout: 60_000 }, () => {
  let browsers: Desk;

  beforeAll(async () => {
    browsers = await openDesk();
  }, 60_000);

  afterAll(() => browsers.close());

  it('shows the date for confirmation, asks the reason, and registers the note with it', async () => {
    const officer = await browsers.browserOf('officer');
    await officer.goto(`${browsers.base}/correspondence`);
    const form = officer.locator('form', { has: officer.getByRole('heading', { name: 'Register an official note' }) });
    const dated = format(subDays(browsers.clock.now(), 200), 'yyyy-MM-dd');
    await form.getByLabel('Sending state').selectOption('KAZ');
    await form.getByLabel('Issuing authority').fill('Ministry of Foreign Affairs of Kazakhstan');
    await form.getByLabel('Reference number').fill(REFERENCE);
    await form.getByLabel('Dated').fill(dated);
    await form.getByLabel('Subject').fill('On the budget, found in the archive');
    await form.getByRole('button', { name: 'Register the note' }).click();

    const confirmation = form.getByRole('group', { name: 'Confirm the date of the note' });
    await expect.poll(() => confirmation.textContent()).toContain(`The note is dated ${dated}.`);
    const reason = form.getByLabel('Why it is registered only now');
    // The refusal moves the focus to the reason asked for.
    await expect.poll(() => form.locator('textarea:focus').getAttribute('id')).toBe(await reason.getAttribute('id'));
    await expect.poll(() => form.textContent()).toMatch(/dated [0-9-]+, \d+ days before it is registered \(more than 90\)/);
    await expect.poll(() => officer.locator('table', { hasText: REFERENCE }).count()).toBe(0);

    await reason.fill('Found in the archive of the former office');
    await form.getByRole('button', { name: 'Register the note with this date' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Recorded.');
    await expect.poll(() => officer.locator('table', { hasText: REFERENCE }).count()).toBe(1);
    await expect.poll(() => confirmation.count()).toBe(0);
  });
});
