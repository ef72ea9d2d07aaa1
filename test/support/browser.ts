/**
 * The desk in real browsers, as the browser tests use it: Debian's Chromium driven by Playwright,
 * on a real server with the spring 2024 demo; a browser of its own (a fresh profile) for each
 * person, signed in; screenshots once nothing is loading. Without Chromium the tests are skipped
 * with a warning, unless CONCORD_REQUIRE_BROWSER=1 (set by CI) makes that a failure.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startConcord, type Concord } from '../../src/app/index.js';
import { ensureDemoAccounts, seedSpring2024 } from '../../src/demo/index.js';
import { buildServer } from '../../src/server/app.js';
import { MovableClock } from './api.js';
import { sqlite } from './stores.js';

const CHROMIUM = '/usr/bin/chromium';
const REQUIRED = process.env.CONCORD_REQUIRE_BROWSER === '1';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Whether the browser tests run here. */
export const browserAvailable = existsSync(CHROMIUM) || REQUIRED;
if (!existsSync(CHROMIUM) && !REQUIRED) process.stderr.write(`\n⚠ ${CHROMIUM} is not installed: the browser tests are SKIPPED here (CI installs it and requires them).\n\n`);

// The committed pictures change only when asked for; an ordinary run leaves the work tree as it was.
const SHOTS = process.env.CONCORD_UPDATE_SCREENSHOTS === '1' ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'concord-screenshots-'));

export interface Desk {
  readonly concord: Concord;
  readonly base: string;
  readonly clock: MovableClock;
  /** A browser with a fresh profile: nobody signed in. */
  freshBrowser(): Promise<Page>;
  /** A browser of its own for each demo account, signed in. */
  browserOf(username: string): Promise<Page>;
  /** Once nothing is loading or drawing any more (the live stream never goes idle, so the network never does). */
  shot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export async function openDesk(): Promise<Desk> {
  mkdirSync(SHOTS, { recursive: true });
  const place = await sqlite.fresh();
  const clock = new MovableClock();
  const concord = await startConcord({ store: place.config, clock });
  await seedSpring2024(concord);
  await ensureDemoAccounts(concord);
  // The web application as `npm test` built it (pretest).
  const server = await buildServer(concord, { rateLimit: { perAccount: 100_000, perAddress: 100_000, signIn: 1000 }, webRoot: join(import.meta.dirname, '..', '..', 'dist', 'web') });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const closers: (() => Promise<unknown>)[] = [
    async () => {
      await server.close();
      await concord.close();
      await place.cleanup();
    },
  ];
  const browsers = new Map<string, Page>();
  const freshBrowser = async (): Promise<Page> => {
    const profile = mkdtempSync(join(tmpdir(), 'concord-browser-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'Europe/Moscow' });
    closers.push(async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    });
    return context.pages()[0] ?? (await context.newPage());
  };
  return {
    concord,
    base,
    clock,
    freshBrowser,
    browserOf: async (username) => {
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
    },
    shot: async (page, name, options = {}) => {
      // Settled: nothing says it is loading, nothing drawing (the map says so with aria-busy), twice in a row.
      const busy = async () => (await page.getByText(/^(Loading…|Загрузка…)$/).count()) + (await page.locator('[aria-busy="true"]').count());
      await expect.poll(async () => (await busy()) + (await new Promise((resolve) => setTimeout(resolve, 300)).then(busy)), { timeout: 15_000 }).toBe(0);
      await page.screenshot({ path: join(SHOTS, `${name}.png`), ...options });
    },
    close: async () => {
      for (const close of closers.reverse()) await close();
    },
  };
}
