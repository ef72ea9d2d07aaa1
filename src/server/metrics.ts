/**
 * Prometheus metrics: requests by route and status with their latency, open live streams, the
 * ledger's length, refusals by kind. Served at /metrics to an administrator or a token with the
 * "metrics" scope.
 */
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { desk, type Concord } from '../app/index.js';
import type { LedgerFeed } from './events.js';
import { SIGNED_IN, signedIn } from './plumbing.js';
import { problem } from './problems.js';

export function metricsRoutes(app: FastifyInstance, c: Concord, feed: LedgerFeed): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'concord_http_requests_total', help: 'HTTP requests answered', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'concord_http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const refused = new Counter({ name: 'concord_http_refusals_total', help: 'Requests refused, by status', labelNames: ['status'], registers: [registry] });
  new Gauge({ name: 'concord_live_streams', help: 'Open server-sent event streams', registers: [registry], collect() { this.set(feed.size); } });
  new Gauge({ name: 'concord_ledger_head_seq', help: 'Sequence number of the last ledger entry this server has seen', registers: [registry], collect() { this.set(feed.head); } });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: reply.statusCode });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 400) refused.inc({ status: reply.statusCode });
  });

  app.get('/metrics', { config: SIGNED_IN, schema: { tags: ['Operations'], summary: 'Prometheus metrics (administrator, or a token with the "metrics" scope)' } }, async (request, reply) => {
    const who = signedIn(request, reply);
    if (!who) return reply;
    const denied = await desk.authorize(c, who, 'metrics:read');
    if (denied) return problem(reply, 403, denied.message, denied.field);
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
