/**
 * The HTTP server: the API with its OpenAPI document and browsable docs, the live stream, the
 * web application, and the acknowledgement links sent with notifications. Every request is
 * authenticated first, limited in size and rate, and answered with security headers; every
 * error is an RFC 9457 problem naming the field at fault.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Type } from '@sinclair/typebox';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Concord } from '../app/index.js';
import { eventRoutes, LedgerFeed, OpenStreams } from './events.js';
import { metricsRoutes } from './metrics.js';
import { authenticate } from './plumbing.js';
import { problem } from './problems.js';
import { readinessRoutes, type ReadinessCheck } from './readiness.js';
import { integrityGate } from './integrity-gate.js';
import { LedgerDisagrees } from '../ledger/checkpoints.js';
import type { Integrity } from '../app/integrity.js';
import { checkRequests } from './validation.js';
import { modules } from '../modules/index.js';

export interface ServerOptions {
  readonly logger?: boolean | { readonly level: string; readonly stream?: NodeJS.WritableStream };
  /** Requests per minute: per signed-in account, per address for the others, and sign-in attempts per address. */
  readonly rateLimit?: { readonly perAccount?: number; readonly perAddress?: number; readonly signIn?: number };
  /** The wait after a failed sign-in (every failure waits as long). */
  readonly signInBackoffMs?: number;
  /** Live streams one account may hold open at once. */
  readonly streamsPerAccount?: number;
  /**
   * The proxies in front of the server (addresses, CIDR ranges, `loopback`, …): only from them
   * are X-Forwarded-For (the client's address, which the per-address limits count) and
   * X-Forwarded-Proto (whether the session cookie is Secure) believed. None by default.
   */
  readonly trustedProxies?: readonly string[];
  /** The built web application; default: dist/web beside the server, when it was built. */
  readonly webRoot?: string | undefined;
  /** Reasons beside the database's for `GET /api/ready` to answer not ready. */
  readonly readiness?: readonly ReadinessCheck[];
  /** The ledger's check at start (and in the background): while it fails, nothing is served. */
  readonly integrity?: Integrity;
}

export const BODY_LIMIT = 256 * 1024;

export async function buildServer(concord: Concord, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 10_000,
    // Only the proxies named: from any other address, X-Forwarded-For and -Proto are the sender's word.
    trustProxy: options.trustedProxies?.length ? [...options.trustedProxies] : false,
  });
  checkRequests(app);
  // First of all hooks: a server that does not trust its ledger reads nothing else for a request.
  const gate = options.integrity && integrityGate(app, options.integrity);
  const feed = new LedgerFeed(concord);
  await feed.start();
  app.addHook('onClose', () => feed.stop());

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Concord', version: '0.1.0', description: `The secretariat of the ${concord.pack.organization.name.en}. Sign in with POST /api/session (a cookie, and X-CSRF-Token on writes) or send an API token as "Authorization: Bearer …". Writes take an Idempotency-Key header.` },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'concord_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], connectSrc: ["'self'"], frameAncestors: ["'none'"], upgradeInsecureRequests: null } },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
  await app.register(cookie);
  authenticate(app, concord);
  const limits = { perAccount: 600, perAddress: 300, signIn: 10, ...options.rateLimit };
  await app.register(rateLimit, {
    // Counted as the request arrives: a refusal for want of credentials is counted too, so guessing is limited.
    hook: 'onRequest',
    timeWindow: '1 minute',
    max: (request) => (request.who ? limits.perAccount : limits.perAddress),
    keyGenerator: (request) => (request.who ? `account:${request.who.principal.username}` : `address:${request.ip}`),
    errorResponseBuilder: (_request, context) => Object.assign(new Error(`at most ${context.max} requests a minute; retry in ${Math.ceil(context.ttl / 1000)} s`), { statusCode: 429 }),
  });

  // Every refusal is logged (those of the application are also recorded in the ledger).
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode === 401 || reply.statusCode === 403 || reply.statusCode === 429) {
      request.log.warn({ status: reply.statusCode, method: request.method, url: request.url, ip: request.ip, username: request.who?.principal.username, credentials: request.credentialProblem }, 'refused');
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const first = error.validation[0];
      const missing = (first?.params as { missingProperty?: string; additionalProperty?: string } | undefined);
      const path = (first?.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
      const extra = missing?.additionalProperty ?? missing?.missingProperty;
      const field = [path, extra].filter(Boolean).join('.') || (error.validationContext ?? 'request');
      return problem(reply, 400, `${field}: ${first?.message ?? error.message}`, field);
    }
    if (error.statusCode !== undefined && error.statusCode < 500) {
      return problem(reply, error.statusCode, error.message, error.statusCode === 429 ? undefined : 'request');
    }
    // The ledger found rewritten while answering: the gate refuses everything from now on.
    if (error instanceof LedgerDisagrees) return problem(reply, 503, error.message, undefined, 'ledger-fails-verification');
    // A full disk or a read-only folder: the write was rolled back; the log names the path, and
    // readiness learns of it too when the write was outside the ledger's transaction.
    const storage = concord.database.noteFailure(error);
    if (storage) {
      request.log.error({ storage: storage.problem }, storage.message);
      return problem(reply, 503, `${storage.summary}; nothing was recorded`);
    }
    request.log.error(error);
    return problem(reply, 500, 'the server failed to answer; the request changed nothing it did not report');
  });

  app.get('/api/health', { schema: { tags: ['Operations'], summary: 'Ready to answer', response: { 200: Type.Object({ status: Type.Literal('ok'), framework: Type.String() }) } } }, () => ({
    status: 'ok' as const,
    framework: concord.framework.id,
  }));
  readinessRoutes(app, concord, [...(options.readiness ?? []), ...(gate ? [gate] : [])]);
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const settings = { signInPerMinute: limits.signIn, signInBackoffMs: options.signInBackoffMs ?? 250 };
  for (const module of modules()) module.routes?.(app, concord, settings);
  eventRoutes(app, concord, feed, new OpenStreams(options.streamsPerAccount ?? 10));
  metricsRoutes(app, concord, feed);
  await webApplication(app, options.webRoot ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'web'));
  return app;
}

/** The single-page application: its files, and its index for every path it routes itself. */
async function webApplication(app: FastifyInstance, root: string): Promise<void> {
  const built = existsSync(join(root, 'index.html'));
  if (built) await app.register(fastifyStatic, { root, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    const api = request.url.startsWith('/api/') || request.url.startsWith('/ack/');
    if (!built || api || request.method !== 'GET') return problem(reply, 404, `no route ${request.method} ${request.url.split('?')[0] ?? ''}`, 'url');
    return reply.sendFile('index.html');
  });
}

