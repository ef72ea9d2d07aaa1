/**
 * RFC 9457 problem details: every error the API gives names what is wrong, the refusal's own code
 * (`code`, also the last segment of `type`) and, when a part of the request is at fault, which field.
 */
import type { FastifyReply } from 'fastify';
import type { Refusal } from '../app/index.js';

/**
 * A refusal's status follows its kind: the request clashes with what is on record (409), names
 * nothing there (404), is not permitted (403) or malformed (400); every other code is a rule of
 * the framework or of the secretariat that the request breaks (422).
 */
const STATUS: Readonly<Record<string, number>> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'wrong-status': 409,
  contradicts: 409,
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
  readonly code?: string;
  readonly field?: string;
}

export function problemBody(status: number, detail: string, field?: string, code?: string): ProblemBody {
  const title = TITLE[status] ?? 'Error';
  const slug = code ?? title.toLowerCase().replace(/[^a-z]+/g, '-');
  return { type: `https://concord.invalid/problems/${slug}`, title, status, detail, ...(code ? { code } : {}), ...(field ? { field } : {}) };
}

export function problem(reply: FastifyReply, status: number, detail: string, field?: string, code?: string): FastifyReply {
  return reply.code(status).type('application/problem+json').send(problemBody(status, detail, field, code));
}

export function refusalStatus(refusal: Refusal): number {
  return STATUS[refusal.code] ?? 422;
}
