/**
 * What every route shares: who is asking (a session cookie or a bearer token), CSRF protection
 * for writes made with the cookie, idempotency keys on writes, and the answer as a problem when
 * the application refuses.
 */
import { createHash } from 'node:crypto';
import '@fastify/cookie';
import canonicalize from 'canonicalize';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { sessionPrincipal, tokenPrincipal, type Account, type Concord, type Outcome } from '../app/index.js';
import type { desk } from '../app/index.js';

type Signed = desk.Signed;
import { problem, refusalStatus } from './problems.js';
import { Problem } from './schemas.js';

export const SESSION_COOKIE = 'concord_session';
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
  }
}

/** Resolves the principal of every request before anything else runs. */
export function authenticate(app: FastifyInstance, c: Concord): void {
  app.decorateRequest('who', undefined);
  app.decorateRequest('via', undefined);
  app.decorateRequest('account', undefined);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('credentialProblem', undefined);
  app.addHook('onRequest', async (request) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const found = match?.[1] ? await tokenPrincipal(c, match[1]) : { ok: false as const, reason: 'expected "Authorization: Bearer <token>"' };
      if (found.ok) {
        request.who = { principal: found.principal };
        request.via = 'token';
      } else {
        request.credentialProblem = found.reason;
      }
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie === undefined) return;
    const session = await sessionPrincipal(c, cookie);
    if (!session) {
      request.credentialProblem = 'the session has ended; sign in again';
      return;
    }
    request.who = { principal: session.principal };
    request.via = 'cookie';
    request.account = session.account;
    request.csrfToken = session.csrfToken;
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
    handler: async (request, reply) => {
      const who = signedIn(request, reply);
      if (!who) return reply;
      return answer(reply, await handler(request, who), 200);
    },
  });
}

/**
 * A write: signed in, the CSRF token when the cookie is what signs it, and the idempotency key:
 * the same key and request again gets the first answer, recorded once.
 */
export function write<T>(app: FastifyInstance, c: Concord, method: 'POST' | 'DELETE', path: string, options: RouteShorthandOptions & { created?: boolean }, handler: Handler<T>): void {
  app.route({
    method,
    url: path,
    ...withProblems(options),
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
      const key = request.headers[IDEMPOTENCY_HEADER];
      if (typeof key !== 'string') return answer(reply, await handler(request, who), options.created ? 201 : 200);
      if (key.length === 0 || key.length > 200) return problem(reply, 400, 'expected an Idempotency-Key of 1 to 200 characters', 'Idempotency-Key');
      const scoped = `http:${who.principal.username}:${key}`;
      const fingerprint = createHash('sha256').update(`${method} ${request.url}\n${canonicalize(request.body ?? null) ?? ''}`).digest('hex');
      const earlier = await c.database.db.selectFrom('http_idempotency').selectAll().where('key', '=', scoped).executeTakeFirst();
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) return problem(reply, 422, `Idempotency-Key "${key}" was already used for a different request`, 'Idempotency-Key');
        return reply.code(earlier.status).header('idempotent-replayed', 'true').type(earlier.status >= 400 ? 'application/problem+json' : 'application/json').send(earlier.body);
      }
      const outcome = await handler(request, { ...who, idempotencyKey: scoped });
      answer(reply, outcome, options.created ? 201 : 200);
      // Only what was recorded is remembered: a refusal may be retried once the cause is mended.
      if (outcome.ok) {
        await c.database.db
          .insertInto('http_idempotency')
          .values({ key: scoped, fingerprint, status: reply.statusCode, body: JSON.stringify(outcome.value), created_at: c.clock.now().toISOString() })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
      }
      return reply;
    },
  });
}

function withProblems(options: RouteShorthandOptions): RouteShorthandOptions {
  const schema = options.schema ?? {};
  return { ...options, schema: { ...schema, response: { ...problems, ...(schema.response as object | undefined) } } };
}

/** The principal, or a 401 (and, for a session that must change its password, a 403). */
function signedIn(request: FastifyRequest, reply: FastifyReply): Signed | undefined {
  if (!request.who) {
    const detail = request.credentialProblem ?? 'sign in (POST /api/session) or send "Authorization: Bearer <token>"';
    void problem(reply.header('www-authenticate', 'Bearer realm="concord"'), 401, detail, 'Authorization');
    return undefined;
  }
  if (request.account?.mustChangePassword) {
    void problem(reply, 403, 'this account signed in with a one-time password: change it first (POST /api/session/password)', 'password');
    return undefined;
  }
  return request.who;
}

function answer<T>(reply: FastifyReply, outcome: Outcome<T>, status: number): FastifyReply {
  if (outcome.ok) return reply.code(status).send(outcome.value);
  reply.request.log.info({ refusal: outcome.refusal, url: reply.request.url }, 'refused');
  return problem(reply, refusalStatus(outcome.refusal), outcome.refusal.message, outcome.refusal.field);
}
