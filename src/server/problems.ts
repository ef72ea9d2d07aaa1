/**
 * RFC 9457 problem details: every error the API gives names what is wrong and, when a part of
 * the request is at fault, which field.
 */
import type { FastifyReply } from 'fastify';
import type { Refusal } from '../app/index.js';

const STATUS: Readonly<Record<Refusal['code'], number>> = {
  refused: 422,
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  'idempotency-key-reused': 422,
  forbidden: 403,
};

const TITLE: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not permitted',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Refused',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Not ready',
};

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly field?: string;
}

export function problemBody(status: number, detail: string, field?: string, title = TITLE[status] ?? 'Error'): ProblemBody {
  return { type: `https://concord.invalid/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`, title, status, detail, ...(field ? { field } : {}) };
}

export function problem(reply: FastifyReply, status: number, detail: string, field?: string): FastifyReply {
  return reply.code(status).type('application/problem+json').send(problemBody(status, detail, field));
}

export function refusalStatus(refusal: Refusal): number {
  return STATUS[refusal.code];
}
