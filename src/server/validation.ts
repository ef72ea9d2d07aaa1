/**
 * How a request is checked against its route's schema, once, where it enters. A JSON body comes
 * typed, so it is taken as sent: `"present": null` or `"sender": ["KAZ"]` is refused, never read
 * as false or "KAZ". A path or query value is text by nature, so a number or a yes/no is read from
 * its text, and only from text: a parameter given twice (an array) is not taken for one value.
 * Text anywhere must be well-formed Unicode: half a surrogate pair is no character, and no store
 * keeps it as sent.
 */
import { Ajv, type Options } from 'ajv';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problem } from './problems.js';

// Closed objects refuse what they do not name, instead of dropping it silently.
const CHECKED: Options = { removeAdditional: false, useDefaults: true, allErrors: false, coerceTypes: false };

const LONE_SURROGATE = /\p{Cs}/u;
const PARTS = ['params', 'query', 'body'] as const;

export function checkRequests(app: FastifyInstance): void {
  const asSent = new Ajv(CHECKED);
  const fromText = new Ajv({ ...CHECKED, coerceTypes: true });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? asSent : fromText).compile(schema));
  // Before the schema, which would let a lone surrogate through wherever it asks for a string.
  app.addHook('preValidation', (request, reply, done) => {
    const field = illFormedText(request);
    if (field === undefined) {
      done();
      return;
    }
    // Answered here, `done` is not called, and the request goes no further.
    void problem(reply, 400, `${field}: not well-formed Unicode text (a lone surrogate such as \\ud800 is half a character)`, field);
  });
}

/** The first field of the request, in its dotted name, holding text that is not well-formed. */
function illFormedText(request: FastifyRequest): string | undefined {
  for (const part of PARTS) {
    const field = illFormedIn(request[part], part === 'query' ? 'querystring' : part);
    if (field !== undefined) return field;
  }
  return undefined;
}

/**
 * Breadth first and without recursion, each entry holding its parent's place rather than its
 * whole name: a body nested 100,000 deep is walked like a flat one, and only a hit is named.
 */
function illFormedIn(value: unknown, part: string): string | undefined {
  const queue: { value: unknown; parent: number; key: string }[] = [{ value, parent: -1, key: part }];
  for (let next = 0; next < queue.length; next++) {
    const item = queue[next]?.value;
    if (typeof item === 'string') {
      if (LONE_SURROGATE.test(item)) return nameOf(queue, next);
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, inner] of Object.entries(item)) {
        queue.push({ value: inner, parent: next, key });
        // A name that is not well-formed is named by its escapes: the answer itself must be text.
        if (LONE_SURROGATE.test(key)) return nameOf(queue, queue.length - 1);
      }
    }
  }
  return undefined;
}

/** The dotted name of an entry, as the schema's refusals name fields; the part's own name for the whole. */
function nameOf(queue: readonly { parent: number; key: string }[], index: number): string {
  const keys: string[] = [];
  for (let at = queue[index]; at && at.parent >= 0; at = queue[at.parent]) keys.push(LONE_SURROGATE.test(at.key) ? JSON.stringify(at.key).slice(1, -1) : at.key);
  return keys.reverse().join('.') || (queue[0]?.key ?? 'request');
}
