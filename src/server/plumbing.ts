/**
 * What every route shares: who is asking (a session cookie or a bearer token), CSRF protection
 * for writes made with the cookie, idempotency keys on writes, and the answer as a problem when
 * the application refuses.
 */
import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { keyOfRequest, requestFingerprint, signInPrincipal, tokenPrincipal, type Account, type Concord, type Outcome } from '../app/index.js';
import type { desk } from '../app/index.js';

type Signed = desk.Signed;
import { problem, refusalStatus } from './problems.js';
import { Problem } from './schemas.js';

export const SIGN_IN_COOKIE = 'concord_session';
const IDEMPOTENCY_HEADER = 'idempotency-key';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook; undefined for an anonymous request. */
    who: Signed | undefined;
    via: 'cookie' | 'token' | undefined;
    account: Account | undefined;
    csrfToken: string | undefined;
    /** Why presented credentials were not accepted, for the 401 and the log. */
    credentialProblem: string | undefined;
    /** Whether the credentials of this request still hold (a long stream asks again). */
    stillValid: () => Promise<boolean>;
    /** The token or session that signed the request: stored answers are kept per credential. */
    credential: string | undefined;
  }
  interface FastifyContextConfig {
    /** The route answers only someone signed in: a stranger is refused before the body is read. */
    readonly signedIn?: true;
  }
}

/** How a route declares that it answers only someone signed in. */
export const SIGNED_IN = { signedIn: true } as const;

/** Resolves the principal of every request before anything else runs. */
export function authenticate(app: FastifyInstance, c: Concord): void {
  app.decorateRequest('who', undefined);
  app.decorateRequest('via', undefined);
  app.decorateRequest('account', undefined);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('credentialProblem', undefined);
  app.decorateRequest('stillValid', () => Promise.resolve(false));
  app.decorateRequest('credential', undefined);
  app.addHook('onRequest', async (request) => {
    // The web application's files and the acknowledgement links need no one: no database read for them.
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/metrics')) return;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const found = match?.[1] ? await tokenPrincipal(c, match[1]) : { ok: false as const, reason: 'expected "Authorization: Bearer <token>"' };
      if (found.ok) {
        const bearer = match?.[1] ?? '';
        request.who = { principal: found.principal };
        request.via = 'token';
        request.credential = `token:${found.tokenId}`;
        request.stillValid = async () => (await tokenPrincipal(c, bearer)).ok;
      } else {
        request.credentialProblem = found.reason;
      }
      return;
    }
    const cookie = request.cookies[SIGN_IN_COOKIE];
    if (cookie === undefined) return;
    const session = await signInPrincipal(c, cookie);
    if (!session) {
      request.credentialProblem = 'the session has ended; sign in again';
      return;
    }
    request.who = { principal: session.principal };
    request.via = 'cookie';
    request.account = session.account;
    request.csrfToken = session.csrfToken;
    request.credential = 'session';
    request.stillValid = async () => (await signInPrincipal(c, cookie)) !== undefined;
  });
  // After the rate limit (onRequest), before the body is read: a stranger learns nothing of what a
  // route expects. Answered here, `done` is not called, and the request goes no further.
  app.addHook('preParsing', (request, reply, payload, done) => {
    if (request.routeOptions.config.signedIn && !request.who) {
      void refuseStranger(request, reply);
      return;
    }
    done(null, payload);
  });
}

type Handler<T> = (request: FastifyRequest, who: Signed) => Promise<Outcome<T>>;

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem, 429: Problem };

/** A read: signed in, then the application decides what this reader may see. */
export function read<T>(app: FastifyInstance, path: string, options: RouteShorthandOptions & { method?: 'GET' | 'POST' }, handler: Handler<T>): void {
  const { method = 'GET', ...rest } = options;
  app.route({
    method,
    url: path,
    ...withProblems(rest),
    config: { ...rest.config, ...SIGNED_IN },
    handler: async (request, reply) => {
      const who = signedIn(request, reply);
      if (!who) return reply;
      return answer(reply, await handler(request, who), 200);
    },
  });
}

/** How long an answer is kept for a retry, and how long a request in progress holds its key. */
const KEEP_ANSWERS_MS = 24 * 3_600_000;
const IN_PROGRESS_MS = 60_000;

export interface WriteOptions<T> extends RouteShorthandOptions {
  readonly created?: boolean;
  /** What of the answer may be kept for a retry: a secret shown once is not. */
  readonly keep?: (value: T) => unknown;
}

/**
 * A write: signed in, the CSRF token when the cookie is what signs it, and the idempotency key.
 * The key is held while the request runs (a second one meanwhile gets a 409), and the answer is
 * kept for a day per account and credential: the same key and request again gets that answer,
 * recorded once; another request under the key is refused.
 */
export function write<T>(app: FastifyInstance, c: Concord, method: 'POST' | 'DELETE', path: string, options: WriteOptions<NoInfer<T>>, handler: Handler<T>): void {
  const { created, keep, ...route } = options;
  app.route({
    method,
    url: path,
    ...withProblems(route),
    config: { ...route.config, ...SIGNED_IN },
    // An act that needs nothing more than its address may be sent without a body.
    // (Only a body that was not sent: a JSON `null` is a body, and not an object.)
    preValidation: (request, _reply, done) => {
      if (request.body === undefined) request.body = {};
      done();
    },
    handler: async (request, reply) => {
      const who = signedIn(request, reply);
      if (!who) return reply;
      if (request.via === 'cookie' && request.headers['x-csrf-token'] !== request.csrfToken) {
        return problem(reply, 403, 'a write made with the session cookie must carry its X-CSRF-Token header', 'X-CSRF-Token');
      }
      const status = created ? 201 : 200;
      const key = request.headers[IDEMPOTENCY_HEADER];
      if (key === undefined) return answer(reply, await handler(request, who), status);
      if (typeof key !== 'string' || key.length === 0 || key.length > 200) return problem(reply, 400, 'expected one Idempotency-Key of 1 to 200 characters', 'Idempotency-Key');
      const scoped = `http:${who.principal.username}:${request.credential ?? ''}:${key}`;
      const fingerprint = requestFingerprint({ method, url: request.url, body: request.body ?? null });
      const claim = await claimKey(c, scoped, fingerprint);
      if (claim.kind === 'other-request') return problem(reply, 422, `Idempotency-Key "${key}" was already used for a different request`, 'Idempotency-Key');
      if (claim.kind === 'in-progress') return problem(reply.header('retry-after', '1'), 409, `a request with Idempotency-Key "${key}" is still being handled; retry shortly`, 'Idempotency-Key');
      if (claim.kind === 'answered') return reply.code(claim.status).header('idempotent-replayed', 'true').type('application/json').send(claim.body);
      // The ledger's key carries the request too: a different act under the same key is never taken for the first.
      const outcome = await handler(request, { ...who, idempotencyKey: keyOfRequest(scoped, fingerprint) }).catch(async (error: unknown) => {
        await releaseKey(c, scoped);
        throw error;
      });
      answer(reply, outcome, status);
      if (outcome.ok) {
        await c.database.db
          .updateTable('http_idempotency')
          .set({ status, body: JSON.stringify(keep ? keep(outcome.value) : outcome.value), created_at: c.clock.now().toISOString() })
          .where('key', '=', scoped)
          .execute();
      } else {
        // A refusal is not kept: the request may be sent again once the cause is mended.
        await releaseKey(c, scoped);
      }
      return reply;
    },
  });
}

type Claim = { kind: 'claimed' } | { kind: 'answered'; status: number; body: string } | { kind: 'in-progress' } | { kind: 'other-request' };

/** Holds the key for this request, or says why it cannot. A holder gone for a minute has crashed: its key is taken over. */
async function claimKey(c: Concord, key: string, fingerprint: string): Promise<Claim> {
  const now = c.clock.now();
  const db = c.database.db;
  if (Math.random() < 0.01) await db.deleteFrom('http_idempotency').where('created_at', '<', new Date(now.getTime() - KEEP_ANSWERS_MS).toISOString()).execute();
  const inserted = await db.insertInto('http_idempotency').values({ key, fingerprint, status: 0, body: '', created_at: now.toISOString() }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { kind: 'claimed' };
  const held = await db.selectFrom('http_idempotency').selectAll().where('key', '=', key).executeTakeFirst();
  if (!held) return claimKey(c, key, fingerprint);
  if (held.fingerprint !== fingerprint) return { kind: 'other-request' };
  if (held.status !== 0) return { kind: 'answered', status: held.status, body: held.body };
  if (Date.parse(held.created_at) > now.getTime() - IN_PROGRESS_MS) return { kind: 'in-progress' };
  const taken = await db.updateTable('http_idempotency').set({ created_at: now.toISOString() }).where('key', '=', key).where('status', '=', 0).where('created_at', '=', held.created_at).executeTakeFirst();
  return Number(taken.numUpdatedRows) > 0 ? { kind: 'claimed' } : { kind: 'in-progress' };
}

async function releaseKey(c: Concord, key: string): Promise<void> {
  await c.database.db.deleteFrom('http_idempotency').where('key', '=', key).where('status', '=', 0).execute();
}

function withProblems(options: RouteShorthandOptions): RouteShorthandOptions {
  const schema = options.schema ?? {};
  return { ...options, schema: { ...schema, response: { ...problems, ...(schema.response as object | undefined) } } };
}

/** The principal, or a 401 (and, for a session that must change its password, a 403). */
export function signedIn(request: FastifyRequest, reply: FastifyReply): Signed | undefined {
  if (!request.who) {
    void refuseStranger(request, reply);
    return undefined;
  }
  if (request.account?.mustChangePassword) {
    void problem(reply, 403, 'this account signed in with a one-time password: change it first (POST /api/session/password)', 'password');
    return undefined;
  }
  return request.who;
}

function refuseStranger(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const detail = request.credentialProblem ?? 'sign in (POST /api/session) or send "Authorization: Bearer <token>"';
  return problem(reply.header('www-authenticate', 'Bearer realm="concord"'), 401, detail, 'Authorization');
}

/** An outcome's value under a name, as the API sends lists: `{ "notes": [...] }`. */
export async function named<K extends string, T>(key: K, outcome: Promise<Outcome<T>>): Promise<Outcome<Record<K, T>>> {
  const settled = await outcome;
  return settled.ok ? { ...settled, value: { [key]: settled.value } as Record<K, T> } : settled;
}

/** The `:id` of a route's path. */
export function idOf(params: unknown): string {
  return (params as { id: string }).id;
}

function answer<T>(reply: FastifyReply, outcome: Outcome<T>, status: number): FastifyReply {
  if (outcome.ok) return reply.code(status).send(outcome.value);
  reply.request.log.info({ refusal: outcome.refusal, url: reply.request.url }, 'refused');
  return problem(reply, refusalStatus(outcome.refusal), outcome.refusal.message, outcome.refusal.field, outcome.refusal.code);
}
