/**
 * The ledger read backwards a page at a time, and the verification of its chain.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { desk, type Concord } from '../../app/index.js';
import { read, write } from '../../server/plumbing.js';
import { Empty } from '../../server/schemas.js';
import { LedgerPage, Verification } from './schemas.js';

const tags = ['Ledger'];

export const VERIFICATIONS_PER_MINUTE = 3;

export function ledgerRoutes(app: FastifyInstance, c: Concord): void {
  read(
    app,
    '/api/ledger',
    {
      schema: {
        tags,
        summary: 'Ledger entries the reader may see, newest first, with their hashes',
        querystring: Type.Object({ before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false }),
        response: { 200: LedgerPage },
      },
    },
    (request, who) => {
      const { before, limit } = request.query as { before?: number; limit?: number };
      return desk.ledgerPage(c, who, before, limit ?? 50);
    },
  );

  // Each verification reads the whole chain: a few a minute per account, and one at a time (a
  // request while one runs shares its answer).
  write(
    app,
    c,
    'POST',
    '/api/ledger/verification',
    {
      schema: { tags, summary: 'Recompute the hash chain; names the first entry that fails (the secretariat, a few times a minute)', body: Empty, response: { 200: Verification } },
      config: { rateLimit: { max: VERIFICATIONS_PER_MINUTE, timeWindow: '1 minute' } },
    },
    (_request, who) => desk.verification(c, who),
  );
}
