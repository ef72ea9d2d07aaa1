/**
 * The server under load, in a child process of its own (this file, run directly) so that it
 * shares neither an event loop nor a core with the load generator: a fresh store, seeded with
 * delegates' tokens and open written procedures, behind a fresh server.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { circulateDecision, createAccount, draftDecision, issueToken, startConcord, type Concord } from '../../src/app/index.js';
import { buildServer } from '../../src/server/app.js';
import type { StoreConfig } from '../../src/store/database.js';
import type { Engine } from '../../test/support/stores.js';

export const STATES = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'] as const;
const DECISIONS = 2000;
/** The live streams one account may hold, and the most the bench opens. */
export const STREAMS = 1000;
/** Far above the load, so that the figures measure the work and not the refusals (see buildServer's defaults). */
const RATE_LIMITS = { perAccount: 1e9, perAddress: 1e9, signIn: 1e9 };
const SETUP = { actor: 'bench' };

export interface Seeded {
  readonly port: number;
  /** A delegate's bearer token per member state. */
  readonly delegates: Readonly<Record<string, string>>;
  /** An analyst's read-only token, the one account that follows the live streams. */
  readonly follower: string;
  readonly decisions: readonly string[];
}

export interface Target extends Seeded {
  /** The next (decision, state) pair no one has given a position on yet. */
  pair: number;
}

/** Consecutive writes go to different decisions, so that no two race for one decision's stream. */
export function nextPosition(t: Target): { path: string; state: string; decision: string } {
  const i = t.pair++;
  const decision = t.decisions[i % t.decisions.length] ?? '';
  const state = STATES[Math.floor(i / t.decisions.length) % STATES.length] ?? 'ARM';
  if (i >= t.decisions.length * STATES.length) throw new Error(`more than ${i} writes: seed more decisions`);
  return { path: `/api/decisions/${decision}/positions`, state, decision };
}

async function seed(c: Concord): Promise<Omit<Seeded, 'port'>> {
  const token = async (username: string, scopes: ('read' | 'write')[]): Promise<string> => {
    const issued = await issueToken(c, username, { name: 'bench', scopes, expiresInDays: 1 }, SETUP);
    if (!issued.ok) throw new Error(issued.refusal.message);
    return issued.value.secret;
  };
  const delegates: Record<string, string> = {};
  for (const state of STATES) {
    const username = `delegate-${state.toLowerCase()}`;
    const created = await createAccount(c, { username, role: 'delegate', state }, SETUP);
    if (!created.ok) throw new Error(created.refusal.message);
    delegates[state] = await token(username, ['read', 'write']);
  }
  const follower = await createAccount(c, { username: 'follower', role: 'analyst' }, SETUP);
  if (!follower.ok) throw new Error(follower.refusal.message);
  // A written procedure open for a week, so that no deadline closes a decision during the run.
  const deadline = new Date(c.clock.now().getTime() + 7 * 86_400_000).toISOString();
  const decisions: string[] = [];
  for (let i = 0; i < DECISIONS; i++) {
    const title = { en: `Procedural item ${i}`, ru: `Процедурный вопрос ${i}` };
    const text = { en: 'The Permanent Council takes note of the report.', ru: 'Постоянный совет принимает к сведению доклад.' };
    const drafted = await draftDecision(c, { id: `D-bench-${i}`, title, text, body: 'permanent-council', question: 'procedural', initiator: 'Secretariat' }, SETUP);
    if (!drafted.ok) throw new Error(drafted.refusal.message);
    const circulated = await circulateDecision(c, drafted.value.id, { procedure: 'written', deadline }, SETUP);
    if (!circulated.ok) throw new Error(circulated.refusal.message);
    decisions.push(drafted.value.id);
  }
  return { delegates, follower: await token('follower', ['read']), decisions };
}

async function serve(store: StoreConfig): Promise<void> {
  const concord = await startConcord({ store });
  const seeded = await seed(concord);
  const server = await buildServer(concord, { rateLimit: RATE_LIMITS, streamsPerAccount: STREAMS });
  await server.listen({ port: 0, host: '127.0.0.1' });
  process.send?.({ ...seeded, port: (server.server.address() as AddressInfo).port });
  process.once('disconnect', () => {
    void server
      .close()
      .then(() => concord.close())
      .finally(() => process.exit(0));
  });
}

async function startServer(config: StoreConfig): Promise<{ child: ChildProcess; seeded: Seeded }> {
  const child = fork(fileURLToPath(import.meta.url), ['serve', JSON.stringify(config)], { execArgv: ['--import', 'tsx'] });
  const seeded = await new Promise<Seeded>((resolve, reject) => {
    child.once('message', (m) => {
      resolve(m as Seeded);
    });
    child.once('exit', (code) => {
      reject(new Error(`the bench server stopped (exit ${code ?? '?'}) before listening`));
    });
  });
  return { child, seeded };
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.disconnect();
  if ((await Promise.race([exited, sleep(10_000, 'late')])) === 'late') {
    child.kill();
    await exited;
  }
}

/** A fresh store, seeded, behind a fresh server, for one part of one run. */
export async function withServer<T>(engine: Engine, work: (t: Target) => Promise<T>): Promise<T> {
  const place = await engine.fresh();
  try {
    const { child, seeded } = await startServer(place.config);
    try {
      return await work({ ...seeded, pair: 0 });
    } finally {
      await stopServer(child);
    }
  } finally {
    await place.cleanup();
  }
}

// Run directly (by startServer, in a child process), this file is the server under load.
if (process.argv[2] === 'serve' && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await serve(JSON.parse(process.argv[3] ?? '{}') as StoreConfig);
}
