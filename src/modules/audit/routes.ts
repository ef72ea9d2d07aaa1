/**
 * The refused reads, newest first, a page at a time.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { desk, refusedReads, type Concord } from '../../app/index.js';
import { named, read } from '../../server/plumbing.js';

const RefusedRead = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  action: Type.String({ description: 'the action refused, e.g. `correspondence:read`' }),
  code: Type.String(),
  field: Type.String(),
  message: Type.String(),
});

export function auditRoutes(app: FastifyInstance, c: Concord): void {
  read(
    app,
    '/api/audit',
    {
      schema: {
        tags: ['Audit'],
        summary: 'The reads that were refused, newest first (the last ones only: refused commands are in the ledger)',
        querystring: Type.Object({ before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ refusals: Type.Array(RefusedRead) }) },
      },
    },
    (request, who) => {
      const { before, limit } = request.query as { before?: number; limit?: number };
      return named('refusals', desk.guarded(c, who, 'audit:read', async () => desk.found(await refusedReads(c, limit ?? 50, before))));
    },
  );
}
