/**
 * The HTTP server: health, the OpenAPI document, the registry as of a date, what-if questions to
 * the framework, and the acknowledgement links sent with notifications. Errors are RFC 9457
 * problem details naming the field at fault.
 */
import swagger from '@fastify/swagger';
import { Type } from '@sinclair/typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { acknowledge, registryAt, type Concord } from '../app/index.js';
import { decide, DecideInputSchema, isCalendarDate, parseDecideInput } from '../core/procedure/index.js';

export interface ServerOptions {
  readonly logger?: boolean;
}

function problem(reply: FastifyReply, status: number, title: string, detail: string, field?: string): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: `https://concord.invalid/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`, title, status, detail, ...(field ? { field } : {}) });
}

const AsOfQuery = Type.Object(
  {
    asOf: Type.Optional(Type.String({ description: 'the date asked about, YYYY-MM-DD (default: today)' })),
    knownAt: Type.Optional(Type.String({ description: 'count what was recorded by the end of this day (default: today)' })),
  },
  { additionalProperties: false },
);

export async function buildServer(concord: Concord, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 256 * 1024 });
  await app.register(swagger, {
    openapi: { openapi: '3.1.0', info: { title: 'Concord', version: '0.1.0', description: `The secretariat of the ${concord.pack.organization.name.en}` } },
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const first = error.validation[0];
      const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
      const field = (first?.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.') || (missing ?? error.validationContext ?? 'request');
      return problem(reply, 400, 'Bad request', `${field}: ${first?.message ?? error.message}`, field);
    }
    if (error.statusCode !== undefined && error.statusCode < 500) return problem(reply, error.statusCode, 'Bad request', error.message);
    request.log.error(error);
    return problem(reply, 500, 'Internal error', 'the server failed to answer; the request changed nothing it did not report');
  });

  app.get('/api/health', { schema: { summary: 'Ready to answer', response: { 200: Type.Object({ status: Type.Literal('ok'), framework: Type.String() }) } } }, () => ({
    status: 'ok' as const,
    framework: concord.framework.id,
  }));

  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  app.get('/api/registry', { schema: { summary: 'Every party’s standing on a date, as known on a date', querystring: AsOfQuery } }, async (request, reply) => {
    const query = request.query as { asOf?: string; knownAt?: string };
    const today = concord.today();
    const asOf = query.asOf ?? today;
    const knownAt = query.knownAt ?? today;
    for (const [field, value] of [['asOf', asOf], ['knownAt', knownAt]] as const) {
      if (!isCalendarDate(value)) return problem(reply, 400, 'Bad request', `${field}: expected a date YYYY-MM-DD, got "${value}"`, field);
    }
    return { asOf, knownAt, parties: await registryAt(concord, { asOf, knownAt }) };
  });

  app.post('/api/decide', { schema: { summary: 'What the framework says the outcome of a draft would be, and why', body: DecideInputSchema } }, (request, reply) => {
    const parsed = parseDecideInput(request.body, concord.today());
    if (!parsed.ok) return problem(reply, 400, 'Bad request', `${parsed.field}: ${parsed.message}`, parsed.field);
    const result = decide(concord.pack, parsed.input, { now: concord.clock.now().toISOString() });
    if (!result.ok) return problem(reply, 422, 'Cannot be decided', `${result.refusal.field}: ${result.refusal.message}`, result.refusal.field);
    return result.decision;
  });

  // The link in a notification: opening it acknowledges receipt, once.
  app.get('/ack/:token', { schema: { summary: 'Acknowledge a notification by its link', params: Type.Object({ token: Type.String({ maxLength: 512 }) }) } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const result = await acknowledge(concord, { token }, { actor: 'link' });
    const ok = result.ok;
    const message = ok ? `Receipt acknowledged for ${result.value.state} / Получение подтверждено (${result.value.state})` : result.refusal.message;
    return reply
      .code(ok ? 200 : result.refusal.code === 'not-found' ? 404 : result.refusal.message.includes('already') ? 409 : 400)
      .type('text/html; charset=utf-8')
      .send(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Concord</title><body><p>${escapeHtml(message)}</p></body></html>`);
  });

  return app;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
