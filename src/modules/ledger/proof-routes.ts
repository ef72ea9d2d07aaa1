/**
 * The ledger's proofs over HTTP: the latest checkpoint and those before it, the check of a
 * checkpoint a member holds, and one entry's inclusion proof.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { desk, type Concord } from '../../app/index.js';
import { read } from '../../server/plumbing.js';
import { CheckpointList, ConsistencyProof, InclusionProof, SignedCheckpoint } from './proof-schemas.js';

const tags = ['Ledger'];

export function proofRoutes(app: FastifyInstance, c: Concord): void {
  read(app, '/api/ledger/checkpoint', { schema: { tags, summary: "The ledger as it stands, signed with the organization's key, and that key", response: { 200: SignedCheckpoint } } }, (_request, who) => desk.latestProofCheckpoint(c, who));

  read(
    app,
    '/api/ledger/checkpoints',
    {
      schema: {
        tags,
        summary: 'The checkpoints signed so far, newest first',
        querystring: Type.Object({ before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'only those covering fewer entries' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }, { additionalProperties: false }),
        response: { 200: CheckpointList },
      },
    },
    (request, who) => {
      const { before, limit } = request.query as { before?: number; limit?: number };
      return desk.proofCheckpoints(c, who, before, limit ?? 50);
    },
  );

  read(
    app,
    '/api/ledger/consistency',
    {
      method: 'POST',
      schema: {
        tags,
        summary: 'Check a checkpoint someone holds: the proof that the ledger now extends it, or why it does not',
        // The checkpoint's own fields are checked by the application, which names the one at fault.
        body: Type.Object({ checkpoint: Type.Unknown() }, { additionalProperties: false }),
        response: { 200: ConsistencyProof },
      },
    },
    (request, who) => desk.checkpointConsistency(c, who, (request.body as { checkpoint: unknown }).checkpoint),
  );

  read(
    app,
    '/api/ledger/entries/:seq/proof',
    {
      schema: {
        tags,
        summary: 'The proof that one entry is in the ledger, against a signed checkpoint',
        params: Type.Object({ seq: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }),
        response: { 200: InclusionProof },
      },
    },
    (request, who) => desk.entryInclusion(c, who, (request.params as { seq: number }).seq),
  );
}
