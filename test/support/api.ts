/**
 * A real Concord server on a real port, with an account and a token for each role, and its log
 * kept so that tests can see what was refused.
 */
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { createAccount, issueToken, startConcord, type Clock, type Concord } from '../../src/app/index.js';
import { userActor, type AccountRole } from '../../src/core/access/index.js';
import { access } from '../../src/modules/composition.js';
import { buildServer, type ServerOptions } from '../../src/server/app.js';
import type { Engine } from './stores.js';
import type { FastifyInstance } from 'fastify';

export const ROLE_ACCOUNTS: readonly { username: string; role: AccountRole; state?: string }[] = [
  { username: 'admin', role: 'admin' },
  { username: 'officer', role: 'officer' },
  { username: 'delegate-arm', role: 'delegate', state: 'ARM' },
  { username: 'analyst', role: 'analyst' },
  { username: 'observer', role: 'observer' },
];

/** A second state's delegate, for what one state may see of another's acts (not in the role matrix). */
export const OTHER_DELEGATE = { username: 'delegate-kaz', role: 'delegate', state: 'KAZ' } as const;

export const PASSWORD = 'a long enough password';

/** A clock the test can move: the present is `now` plus `offsetMs`. */
export class MovableClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

export interface Api {
  readonly base: string;
  readonly concord: Concord;
  readonly server: FastifyInstance;
  readonly clock: MovableClock;
  /** A bearer token with every scope its role may hold, per username. */
  readonly tokens: Readonly<Record<string, string>>;
  /** Every line the server logged, parsed. */
  readonly logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startApi(engine: Engine, options: ServerOptions = {}, place?: Awaited<ReturnType<Engine['fresh']>>): Promise<Api> {
  const where = place ?? (await engine.fresh());
  const clock = new MovableClock();
  const concord = await startConcord({ store: where.config, clock });
  const tokens: Record<string, string> = {};
  for (const account of [...ROLE_ACCOUNTS, OTHER_DELEGATE]) {
    // Their holders' own passwords, kept: the suite signs in with them.
    const created = await createAccount(concord, { ...account, password: PASSWORD }, { actor: 'test' }, { keepPassword: true });
    if (!created.ok && created.refusal.code !== 'conflict') throw new Error(created.refusal.message);
    const issued = await issueToken(concord, account.username, { name: 'test', scopes: access().scopesOfRole(account.role), expiresInDays: 30 }, { actor: 'test' });
    if (!issued.ok) throw new Error(issued.refusal.message);
    tokens[account.username] = issued.value.secret;
  }
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const server = await buildServer(concord, { logger: { level: 'info', stream }, rateLimit: { perAccount: 100_000, perAddress: 100_000, signIn: 1000 }, signInBackoffMs: 1, ...options });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return {
    base,
    concord,
    server,
    clock,
    tokens,
    logs,
    close: async () => {
      await server.close();
      await concord.close();
      if (!place) await where.cleanup();
    },
  };
}

/** A request with a bearer token; JSON in and out. */
export async function call(api: Api, username: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${api.base}${path}`, {
    method,
    headers: {
      ...(username ? { authorization: `Bearer ${api.tokens[username] ?? ''}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text }, headers: response.headers };
}

/** The refusals on record for an account: its refused commands in the ledger, then its refused reads in the audit log. */
export async function refusalsOf(concord: Concord, username: string): Promise<{ command: string; code: string; message: string }[]> {
  const rows = await concord.database.db.selectFrom('ledger_entries').select(['data', 'actor']).where('stream_id', '=', 'refusals').where('actor', '=', userActor(username)).orderBy('seq').execute();
  const commands = rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as { command: string; code: string; message: string });
  const reads = await concord.database.db.selectFrom('audit_refused_reads').select(['action', 'code', 'message']).where('actor', '=', userActor(username)).orderBy('id').execute();
  return [...commands, ...reads.map(({ action, ...rest }) => ({ command: action, ...rest }))];
}
