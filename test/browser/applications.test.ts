/**
 * The applications pages in a real browser (Debian's Chromium, driven by Playwright), on a real
 * server with the spring 2024 demo: an officer registers a non-member's request for observer
 * status in the correspondence register, records the application carried by that note, finds one
 * criterion met on the note's evidence, and follows the case to the Council's draft decision; the
 * same page reads in Russian. Screenshots are taken (into docs/screenshots with
 * CONCORD_UPDATE_SCREENSHOTS=1).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConcord, type Concord } from '../../src/app/index.js';
import { ensureDemoAccounts, seedSpring2024 } from '../../src/demo/index.js';
import { buildServer } from '../../src/server/app.js';
import { MovableClock } from '../support/api.js';
import { sqlite } from '../support/stores.js';

const CHROMIUM = '/usr/bin/chromium';
const REQUIRED = process.env.CONCORD_REQUIRE_BROWSER === '1';
const available = existsSync(CHROMIUM);
if (!available && !REQUIRED) process.stderr.write(`\n⚠ ${CHROMIUM} is not installed: the browser tests are SKIPPED here (CI installs it and requires them).\n\n`);

const SHOTS = process.env.CONCORD_UPDATE_SCREENSHOTS === '1' ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'concord-screenshots-'));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Serbia: not a party to the Organization, so its request opens an application for a status. */
const APPLICANT = 'SRB';
const REFERENCE = 'SRB-MFA-OBS/2024-1';

describe.runIf(available || REQUIRED)('the applications pages in a browser', { timeout: 60_000 }, () => {
  let concord: Concord;
  let base = '';
  const clock = new MovableClock();
  const closers: (() => Promise<unknown>)[] = [];
  const browsers = new Map<string, Page>();
  let caseUrl = '';

  async function freshBrowser(): Promise<Page> {
    const profile = mkdtempSync(join(tmpdir(), 'concord-browser-'));
    const context: BrowserContext = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'Europe/Moscow' });
    closers.push(async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    });
    return context.pages()[0] ?? (await context.newPage());
  }

  async function browserOf(username: string): Promise<Page> {
    const known = browsers.get(username);
    if (known) return known;
    const page = await freshBrowser();
    await page.goto(`${base}/login`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(`${username}-demo-2024`);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect.poll(() => page.url()).not.toContain('/login');
    browsers.set(username, page);
    return page;
  }

  async function shot(page: Page, name: string): Promise<void> {
    await expect.poll(() => page.getByText(/^(Loading…|Загрузка…)$/).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const place = await sqlite.fresh();
    concord = await startConcord({ store: place.config, clock });
    await seedSpring2024(concord);
    await ensureDemoAccounts(concord);
    const server = await buildServer(concord, { rateLimit: { perAccount: 100_000, perAddress: 100_000, signIn: 1000 }, webRoot: join(import.meta.dirname, '..', '..', 'dist', 'web') });
    await server.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    closers.push(async () => {
      await server.close();
      await concord.close();
      await place.cleanup();
    });
  }, 60_000);

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

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

  it('a delegate follows the cases but is offered none of the secretariat’s forms', async () => {
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
