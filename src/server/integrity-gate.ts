/**
 * A server whose ledger fails verification serves nothing of it: every API request, health
 * included, is answered 503 with the entry at fault, and readiness says the same.
 */
import type { FastifyInstance } from 'fastify';
import type { Integrity } from '../app/integrity.js';
import { problem } from './problems.js';
import type { ReadinessCheck } from './readiness.js';

export function integrityGate(app: FastifyInstance, integrity: Integrity): ReadinessCheck {
  app.addHook('onRequest', async (request, reply) => {
    const refusal = integrity.refusal();
    if (refusal === undefined || request.url.startsWith('/api/ready')) return;
    if (request.url.startsWith('/api/') || request.url.startsWith('/ack/')) await problem(reply, 503, refusal, undefined, 'ledger-fails-verification');
  });
  return () => Promise.resolve(integrity.unready());
}
