/**
 * The secretariat's desk in real browsers (Debian's Chromium, driven by Playwright), on a real
 * server with the spring 2024 demo: an officer circulates a draft; two delegates, each in their
 * own browser, record positions, and the officer sees them arrive live; the deadline passes, the
 * outcome appears with its cited articles, and each delegate's inbox asks for acknowledgement;
 * a member's authority acknowledges from the mailed link; an absent member's no-objection
 * notice is attached at a session and the item is adopted in limited format;
 * the page switches to Russian; a delegate cannot act for another state. Screenshots of each
 * page are taken (into docs/screenshots with CONCORD_UPDATE_SCREENSHOTS=1).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ackToken, addAgendaItem, conveneSession, draftDecision, fireDueTimers, recordAttendance, registerOfficialNote, type Concord } from '../../src/app/index.js';
import { browserAvailable, openDesk, type Desk } from '../support/browser.js';

const TITLE = 'Browser test: venue of the spring meeting';

describe.runIf(browserAvailable)('the desk in a browser', { timeout: 60_000 }, () => {
  let desk: Desk;
  let concord: Concord;
  let base = '';
  let clock: Desk['clock'];
  const browserOf = (username: string) => desk.browserOf(username);
  const freshBrowser = () => desk.freshBrowser();
  const shot = (page: Page, name: string) => desk.shot(page, name);

  beforeAll(async () => {
    desk = await openDesk();
    ({ concord, base, clock } = desk);
  }, 60_000);

  afterAll(() => desk.close());

  it('an officer circulates a draft; two delegates record positions; the officer sees them arrive live', async () => {
    const officer = await browserOf('officer');
    await shot(officer, 'dashboard');
    await officer.getByRole('link', { name: 'Decisions', exact: true }).click();
    await officer.getByLabel('Title (English)').fill(TITLE);
    await officer.getByLabel('Title (Russian)').fill('Проверка в браузере: место весенней встречи');
    await officer.getByLabel('Text (English)').fill('The Permanent Council agrees on the venue of its spring meeting.');
    await officer.getByLabel('Text (Russian)').fill('Постоянный совет согласовывает место своей весенней встречи.');
    await officer.getByLabel('Body').selectOption('permanent-council');
    await officer.getByLabel('Question').selectOption('procedural');
    await shot(officer, 'decisions');
    await officer.getByRole('button', { name: 'Save the draft' }).click();
    await expect.poll(() => officer.url()).toMatch(/\/decisions\/D-/);
    const deadline = new Date(Date.now() + 3 * 3_600_000 + 30 * 60_000);
    // The deadline in the browser's own time zone (Moscow, UTC+3), as a datetime-local input takes it.
    await officer.getByLabel('Deadline (local time)').fill(deadline.toISOString().slice(0, 16));
    await officer.getByRole('button', { name: 'Circulate the draft' }).click();
    await officer.getByRole('dialog').getByRole('button', { name: 'Circulate the draft' }).click();
    await expect.poll(() => officer.getByTestId('decision-status').textContent()).toContain('circulating');

    for (const [username, position] of [['delegate-kaz', 'yes'], ['delegate-kgz', 'yes']] as const) {
      const delegate = await browserOf(username);
      await delegate.getByRole('link', { name: 'Inbox' }).click();
      const item = delegate.locator('li', { hasText: TITLE });
      await item.getByRole('combobox').selectOption(position);
      await item.getByRole('button', { name: 'Record the position' }).click();
      await delegate.getByRole('dialog').getByRole('button', { name: 'Record the position' }).click();
      await expect.poll(() => delegate.locator('li', { hasText: TITLE }).count()).toBe(0);
    }
    // No reload: the officer's page follows the live stream.
    await expect.poll(() => officer.getByTestId('position-KAZ').textContent()).toContain('yes');
    await expect.poll(() => officer.getByTestId('position-KGZ').textContent()).toContain('yes');
    await expect.poll(() => officer.getByTestId('tally').textContent()).toContain('2 of 6');
    await shot(officer, 'decision-live-tally');
  });

  it('when the deadline passes, the outcome appears with its cited articles and each delegate is asked to acknowledge it', async () => {
    const officer = await browserOf('officer');
    clock.offsetMs = 4 * 3_600_000;
    try {
      expect(await fireDueTimers(concord)).toBeGreaterThan(0);
    } finally {
      clock.offsetMs = 0;
    }
    await expect.poll(() => officer.getByTestId('outcome').textContent(), { timeout: 10_000 }).toMatch(/contested|adopted|not adopted/);
    const outcome = (await officer.getByTestId('outcome').textContent()) ?? '';
    expect(outcome).toMatch(/charter:12|csto-practice/);
    await shot(officer, 'decision-outcome');
    for (const username of ['delegate-kaz', 'delegate-kgz']) {
      const delegate = await browserOf(username);
      await delegate.reload();
      const acknowledge = delegate.getByRole('button', { name: `Acknowledge receipt of “${TITLE}”` });
      if (username === 'delegate-kaz') await shot(delegate, 'inbox');
      await acknowledge.click();
      await expect.poll(() => acknowledge.count()).toBe(0);
    }
    await officer.reload();
    await expect.poll(() => officer.getByTestId('notification-KAZ').locator('td').nth(2).textContent()).toMatch(/\d{4}-\d{2}-\d{2}.*by the delegate/);
  });

  it('a member\'s authority acknowledges from the link in the notification, by pressing its button', async () => {
    const officer = await browserOf('officer');
    const decisionId = /\/decisions\/(D-[^/?#]+)/.exec(officer.url())?.[1] ?? '';
    const mail = await freshBrowser();
    await mail.goto(`${base}/ack/${await ackToken(concord, decisionId, 'TJK')}`);
    await expect.poll(() => mail.getByRole('heading', { level: 1 }).textContent()).toContain(TITLE);
    await shot(mail, 'acknowledgement-link');
    // Opening the link is not a receipt: a mail scanner does as much.
    const receipt = (state: string) => officer.getByTestId(`notification-${state}`).locator('td').nth(2).textContent();
    await officer.reload();
    await expect.poll(() => officer.getByTestId('notification-TJK').count()).toBe(1);
    expect(await receipt('TJK')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await mail.getByRole('button', { name: /Acknowledge receipt/ }).click();
    await expect.poll(() => mail.locator('main').textContent()).toContain('Receipt acknowledged for TJK');
    await officer.reload();
    await expect.poll(() => receipt('TJK')).toMatch(/\d{4}-\d{2}-\d{2}.*by the mailed link/);
  });

  it('at a session, an absent member\'s no-objection notice is attached and the item is adopted in limited format', async () => {
    const by = { actor: 'test' };
    await draftDecision(concord, { id: 'D-browser-limited', title: { en: 'Browser test: the budget', ru: 'Проверка в браузере: бюджет' }, text: { en: 'Approved.', ru: 'Утверждается.' }, body: 'collective-security-council', question: 'substantive', initiator: 'Secretariat' }, by);
    await conveneSession(concord, { id: 'S-browser', body: 'collective-security-council', date: concord.today(), place: 'Minsk', temporaryChair: 'BLR' }, by);
    await addAgendaItem(concord, 'S-browser', 'D-browser-limited', by);
    for (const state of ['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']) await recordAttendance(concord, 'S-browser', state, true, by);
    await recordAttendance(concord, 'S-browser', 'ARM', false, by);
    const note = await registerOfficialNote(concord, { sender: 'ARM', authority: 'Ministry of Foreign Affairs', reference: 'N-77/B', dated: concord.today(), kind: 'no-objection-notice', subject: 'No objection to the budget' }, by);
    if (!note.ok) throw new Error(note.refusal.message);

    const officer = await browserOf('officer');
    await officer.goto(`${base}/sessions/S-browser`);
    const form = officer.locator('form', { has: officer.getByRole('heading', { name: /No objection from an absent member/ }) });
    await expect.poll(() => form.getByLabel('Its no-objection notice').locator('option').first().textContent()).toContain('N-77/B');
    expect(await form.getByLabel('Absent member').inputValue()).toBe('ARM');
    await form.getByRole('button', { name: 'Attach the notice' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('notice N-77/B of Armenia is attached to “Browser test: the budget”');
    await shot(officer, 'session-no-objection');
    await officer.getByRole('button', { name: 'Close the session' }).click();
    await officer.getByRole('dialog').getByRole('button', { name: 'Close the session' }).click();
    await officer.goto(`${base}/decisions/D-browser-limited`);
    await expect.poll(() => officer.getByTestId('outcome').textContent()).toMatch(/limited format/i);
    expect(await officer.getByTestId('position-ARM').textContent()).toContain('no objection');
  });

  it('the secretariat records a position only on a note of that state, and is told when there is none', async () => {
    const officer = await browserOf('officer');
    await officer.goto(`${base}/decisions/D-demo-written-procedure`);
    const form = officer.locator('form.position-form');
    await form.getByLabel('State', { exact: true }).selectOption('ARM');
    const notes = form.getByLabel('Registered note carrying the position');
    // Exactly Armenia's notes: as many as the register holds from Armenia, and none from Tajikistan.
    const armenian = await concord.database.db.selectFrom('projection_correspondence').select('id').where('sender', '=', 'ARM').execute();
    expect(armenian.length).toBeGreaterThan(0);
    await expect.poll(() => notes.locator('option').count()).toBe(armenian.length);
    for (const option of await notes.locator('option').allTextContents()) expect(option).toContain('notice of no objection');
    await form.getByLabel('State', { exact: true }).selectOption('TJK');
    await expect.poll(() => officer.getByText('No note from this state is registered.').count()).toBe(1);
    expect(await form.getByLabel('Registered note carrying the position').count()).toBe(0);
  });

  it('switching to Russian translates the page', async () => {
    const officer = await browserOf('officer');
    await officer.goto(`${base}/`);
    await officer.getByLabel('Language / Язык').selectOption('ru');
    await expect.poll(() => officer.locator('html').getAttribute('lang')).toBe('ru');
    await expect.poll(() => officer.getByRole('navigation').first().textContent()).toContain('Решения');
    expect(await officer.getByRole('heading', { level: 1 }).textContent()).not.toBe('Dashboard');
    await shot(officer, 'dashboard-ru');
    // The engine's findings too: the Minsk documents, decided without Armenia.
    await officer.goto(`${base}/decisions/D-2023-11-23-minsk-documents`);
    await expect.poll(() => officer.getByTestId('outcome').textContent()).toContain('Молчание не означает согласия');
    expect(await officer.getByTestId('outcome').textContent()).not.toContain('Silence is not consent');
    await officer.locator('table.trace').scrollIntoViewIfNeeded();
    await shot(officer, 'decision-outcome-ru');
    await officer.getByLabel('Language / Язык').selectOption('en');
    await expect.poll(() => officer.locator('html').getAttribute('lang')).toBe('en');
  });

  it('a delegate cannot reach another state’s actions', async () => {
    const delegate = await browserOf('delegate-kaz');
    await delegate.goto(`${base}/decisions/D-demo-written-procedure`);
    await expect.poll(() => delegate.getByTestId('decision-status').textContent()).toContain('circulating');
    // The form offers Kazakhstan's position only; there is no choice of state.
    const forms = delegate.locator('form.position-form');
    expect(await forms.getByLabel('State', { exact: true }).count()).toBe(0);
    expect(await delegate.getByRole('link', { name: 'Ledger' }).count()).toBe(0);
    // And the server refuses what the page does not offer.
    const refused = await delegate.evaluate(async () => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const response = await fetch('/api/decisions/D-demo-written-procedure/positions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ state: 'RUS', position: 'no' }),
      });
      return { status: response.status, body: (await response.json()) as { detail: string } };
    });
    expect(refused).toEqual({ status: 403, body: expect.objectContaining({ detail: 'a delegate of KAZ may not act or read for RUS' }) as unknown });
  });

  it('shows every page on a laptop screen', async () => {
    const officer = await browserOf('officer');
    for (const [path, name] of [
      ['/members', 'members'],
      ['/members/ARM', 'member-armenia'],
      ['/sessions', 'sessions'],
      ['/correspondence', 'correspondence-and-statements'],
      ['/ledger', 'ledger'],
    ] as const) {
      await officer.goto(`${base}${path}`);
      await expect.poll(() => officer.getByRole('heading', { level: 1 }).count()).toBeGreaterThan(0);
      await shot(officer, name);
    }
    await officer.getByRole('button', { name: 'Verify chain' }).click();
    await expect.poll(() => officer.getByTestId('verification').textContent()).toContain('Chain intact');
    await shot(officer, 'ledger-verified');
  });
});
