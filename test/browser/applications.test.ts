/**
 * The applications pages in a real browser (Debian's Chromium, driven by Playwright), on a real
 * server with the spring 2024 demo: an officer registers a non-member's request for observer
 * status in the correspondence register, records the application carried by that note, finds one
 * criterion met on the note's evidence, and follows the case to the Council's draft decision; the
 * same page reads in Russian. Screenshots are taken (into docs/screenshots with
 * CONCORD_UPDATE_SCREENSHOTS=1).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desk } from '../../src/app/index.js';
import { applicationView } from '../../src/modules/applications/handlers.js';
import { browserAvailable, openDesk, type Desk } from '../support/browser.js';

/** Serbia: not a party to the Organization, so its request opens an application for a status. */
const APPLICANT = 'SRB';
const REFERENCE = 'SRB-MFA-OBS/2024-1';

describe.runIf(browserAvailable)('the applications pages in a browser', { timeout: 60_000 }, () => {
  let browsers: Desk;
  let base = '';
  const concord = () => browsers.concord;
  let caseUrl = '';
  const browserOf = (username: string) => browsers.browserOf(username);
  const shot = (page: Page, name: string) => browsers.shot(page, name, { fullPage: true });

  beforeAll(async () => {
    browsers = await openDesk();
    ({ base } = browsers);
  }, 60_000);

  afterAll(() => browsers.close());

  it('an officer registers a non-member’s request for observer status in the correspondence register', async () => {
    const officer = await browserOf('officer');
    await officer.goto(`${base}/correspondence`);
    const form = officer.locator('form', { has: officer.getByRole('heading', { name: 'Register an official note' }) });
    await form.getByLabel('Sending state').selectOption({ label: 'another state, by its code…' });
    await form.getByLabel('Code of the sending state (ISO 3166-1 alpha-3)').fill(APPLICANT);
    await form.getByLabel('Kind').selectOption('observer-request');
    await form.getByLabel('Issuing authority').fill('Ministry of Foreign Affairs of the Republic of Serbia');
    await form.getByLabel('Reference number').fill(REFERENCE);
    await form.getByLabel('Subject').fill('Request for observer status in the Organization');
    await form.getByRole('button', { name: 'Register the note' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Recorded.');
    await expect.poll(() => officer.locator('table', { hasText: REFERENCE }).count()).toBe(1);
  });

  it('the officer records the application carried by that note, and finds one criterion met on its evidence', async () => {
    const officer = await browserOf('officer');
    await officer.getByRole('link', { name: 'Applications', exact: true }).click();
    await expect.poll(() => officer.url()).toMatch(/\/applications$/);
    const form = officer.locator('form', { has: officer.getByRole('heading', { name: 'Record an application' }) });
    await form.getByLabel('Applicant state (ISO 3166-1 alpha-3 code)').fill(APPLICANT);
    await form.getByLabel('Status applied for').selectOption('observer');
    // Only the applicant's notes of the kind that carries this request are offered.
    const notes = form.getByLabel('Registered note carrying the request');
    await expect.poll(() => notes.locator('option').allTextContents()).toEqual([expect.stringContaining(REFERENCE)]);
    await shot(officer, 'applications');
    await form.getByRole('button', { name: 'Record the application' }).click();
    await expect.poll(() => officer.url()).toMatch(/\/applications\/[^/]+$/);
    caseUrl = officer.url();
    await expect.poll(() => officer.getByTestId('application-status').textContent()).toBe('under consideration');
    await expect.poll(() => officer.getByTestId('application-note').textContent()).toContain(REFERENCE);

    const criteria = officer.locator('li.criterion');
    await expect.poll(() => criteria.count()).toBeGreaterThan(1);
    const first = criteria.first();
    expect(await first.locator('.badge').first().textContent()).toBe('unanswered');
    await first.getByLabel('Is the criterion met?').selectOption('yes');
    const evidence = first.getByLabel('Evidence (a registered note)');
    const noteId = await evidence.locator('option', { hasText: REFERENCE }).getAttribute('value');
    expect(noteId).toBeTruthy();
    await evidence.selectOption(noteId ?? '');
    await first.getByRole('button', { name: 'Record the finding' }).click();
    await expect.poll(() => first.locator('.badge').first().textContent()).toBe('met');
    await expect.poll(() => first.textContent()).toContain(REFERENCE);
  });

  it('the application page shows the checklist with its articles and links to the Council’s decision', async () => {
    const officer = await browserOf('officer');
    await officer.goto(caseUrl);
    const criteria = officer.locator('li.criterion');
    await expect.poll(() => criteria.count()).toBeGreaterThan(1);
    const findings = await criteria.locator('.criterion-head .badge').allTextContents();
    expect(findings[0]).toBe('met');
    expect(findings.slice(1).every((f) => f === 'unanswered')).toBe(true);
    // Each criterion names the article that sets it.
    for (const cites of await criteria.locator('.criterion-head .cites').allTextContents()) expect(cites).toMatch(/\w+:\w+/);
    const decision = officer.getByTestId('application-decision').getByRole('link', { name: /^Decision / });
    expect(await decision.getAttribute('href')).toMatch(/^\/decisions\/[^/]+$/);
    expect(await officer.getByTestId('application-decision').textContent()).toContain('draft');
    expect(await officer.getByTestId('application-effect').textContent()).toContain('not concluded');
    await shot(officer, 'application');

    // The list keeps its filter in the address and shows the case among the open ones.
    await officer.getByRole('link', { name: /All applications/ }).click();
    await officer.getByLabel('Show').selectOption('open');
    await expect.poll(() => officer.url()).toContain('?status=open');
    const row = officer.locator('tr', { hasText: APPLICANT });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('observer status');
    expect(await row.textContent()).toContain('under consideration');

    await officer.goto(caseUrl);
    await officer.getByTestId('application-decision').getByRole('link', { name: /^Decision / }).click();
    await expect.poll(() => officer.url()).toMatch(/\/decisions\/[^/]+$/);
    await expect.poll(() => officer.getByTestId('decision-status').textContent()).toContain('draft');
  });

  it('in Russian, the case reads in Russian', async () => {
    const officer = await browserOf('officer');
    await officer.goto(caseUrl);
    await officer.getByLabel('Language / Язык').selectOption('ru');
    await expect.poll(() => officer.locator('html').getAttribute('lang')).toBe('ru');
    await expect.poll(() => officer.getByRole('navigation').first().textContent()).toContain('Заявки');
    await expect.poll(() => officer.getByRole('heading', { name: 'Критерии' }).count()).toBe(1);
    const findings = await officer.locator('li.criterion .criterion-head .badge').allTextContents();
    expect(findings[0]).toBe('выполнен');
    expect(findings.slice(1)).toContain('без ответа');
    expect(await officer.getByTestId('application-status').textContent()).toBe('на рассмотрении');
    // The criteria's own texts come from the pack in Russian too.
    expect(await officer.locator('li.criterion').first().textContent()).toMatch(/[а-яё]/i);
    expect(await officer.getByTestId('application-decision').getByRole('link').textContent()).toMatch(/^Решение /);
    await shot(officer, 'application-ru');
    await officer.getByLabel('Language / Язык').selectOption('en');
    await expect.poll(() => officer.locator('html').getAttribute('lang')).toBe('en');
  });

  it('a delegate follows the cases once before the Council, but is offered none of the secretariat’s forms', async () => {
    // The case is the secretariat's while its draft is; circulated, the members follow it.
    const id = caseUrl.split('/').pop() ?? '';
    const officer = desk.systemPrincipal('officer:test');
    const shown = await applicationView(concord(), officer, id);
    if (!shown.ok) throw new Error(shown.refusal.message);
    const circulated = await desk.circulate(concord(), officer, shown.value.decisionId, { procedure: 'written', deadline: new Date(Date.now() + 7 * 86_400_000).toISOString() });
    if (!circulated.ok) throw new Error(circulated.refusal.message);
    const delegate = await browserOf('delegate-kaz');
    await delegate.goto(`${base}/applications`);
    await expect.poll(() => delegate.locator('tr', { hasText: APPLICANT }).count()).toBe(1);
    expect(await delegate.getByRole('heading', { name: 'Record an application' }).count()).toBe(0);
    expect(await delegate.getByRole('heading', { name: 'Propose a measure' }).count()).toBe(0);
    await delegate.goto(caseUrl);
    await expect.poll(() => delegate.locator('li.criterion').count()).toBeGreaterThan(1);
    expect(await delegate.getByRole('button', { name: 'Record the finding' }).count()).toBe(0);
    expect(await delegate.getByRole('heading', { name: 'End the case without a decision' }).count()).toBe(0);
  });
});
