/**
 * Whether the server should be sent requests (`GET /api/ready`), beside whether it runs at all
 * (`GET /api/health`): a server whose disk is full, whose folder turned read-only or whose
 * PostgreSQL is out of reach is alive but not ready, and says why, so that a load balancer
 * sends the work elsewhere and the operator reads the reason from the probe.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Concord } from '../app/index.js';
import { readHead } from '../ledger/index.js';
import { problemBody } from './problems.js';

/** A reason not to be ready, in a sentence without paths (anyone may ask), or undefined. */
export type ReadinessCheck = () => Promise<string | undefined>;

const Ready = Type.Object({ ready: Type.Literal(true) });
const NotReady = Type.Object(
  { type: Type.String(), title: Type.String(), status: Type.Literal(503), detail: Type.String(), ready: Type.Literal(false), reason: Type.String() },
  { description: 'An RFC 9457 problem whose `reason` says why the server is not ready' },
);

export function readinessRoutes(app: FastifyInstance, concord: Concord, checks: readonly ReadinessCheck[]): void {
  const all = [storageCheck(concord), ...checks];
  app.get(
    '/api/ready',
    { schema: { tags: ['Operations'], summary: 'Ready for requests: the database answers and takes writes, and the server trusts what it serves', response: { 200: Ready, 503: NotReady } } },
    async (_request, reply) => {
      for (const check of all) {
        const reason = await check();
        if (reason !== undefined) return reply.code(503).type('application/problem+json').send({ ...problemBody(503, `not ready: ${reason}`), ready: false, reason });
      }
      return { ready: true as const };
    },
  );
}

function storageCheck(concord: Concord): ReadinessCheck {
  return async () => {
    const problem = await concord.database.storageProblem();
    if (problem) return problem.summary;
    try {
      await readHead(concord.database);
      return undefined;
    } catch {
      return 'the database does not answer';
    }
  };
}
