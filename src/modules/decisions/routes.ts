/**
 * Decisions from draft to outcome, and the what-if question to the framework.
 */
import type { FastifyInstance } from 'fastify';
import { desk, type Concord } from '../../app/index.js';
import { decide, DecideInputSchema, inContractWords, parseDecideInput } from '../../core/procedure/index.js';
import { idOf, named, read, write } from '../../server/plumbing.js';
import { AccessionBody, CirculateBody, DraftBody, Empty, Id, PositionBody, type Body } from '../../server/schemas.js';
import { DecisionList, DecisionView, Ruling } from './schemas.js';

const tags = ['Decisions'];

export function decisionRoutes(app: FastifyInstance, c: Concord): void {
  read(app, '/api/decisions', { schema: { tags, summary: 'The decisions the reader may see, newest first', response: { 200: DecisionList } } }, (_request, who) =>
    named('decisions', desk.decisions(c, who)),
  );

  write(app, c, 'POST', '/api/decisions', { created: true, schema: { tags, summary: 'Draft a decision', body: DraftBody, response: { 201: DecisionView } } }, (request, who) =>
    desk.draft(c, who, request.body as Body<typeof DraftBody>),
  );

  read(app, '/api/decisions/:id', { schema: { tags, summary: 'A decision: text, positions, the tally as it stands, the outcome with its reasons, notifications', params: Id, response: { 200: DecisionView } } }, (request, who) =>
    desk.decisionView(c, who, idOf(request.params)),
  );

  write(app, c, 'POST', '/api/decisions/:id/circulate', { schema: { tags, summary: 'Circulate a draft for a written or silence procedure', params: Id, body: CirculateBody, response: { 200: DecisionView } } }, (request, who) =>
    desk.circulate(c, who, idOf(request.params), request.body as Body<typeof CirculateBody>),
  );

  write(app, c, 'POST', '/api/decisions/:id/positions', { schema: { tags, summary: 'Record a member’s position', params: Id, body: PositionBody, response: { 200: DecisionView } } }, (request, who) =>
    desk.position(c, who, idOf(request.params), request.body as Body<typeof PositionBody>),
  );

  write(app, c, 'POST', '/api/decisions/:id/close', { schema: { tags, summary: 'Close the procedure and take the outcome', params: Id, body: Empty, response: { 200: DecisionView } } }, (request, who) =>
    desk.close(c, who, idOf(request.params)),
  );

  write(app, c, 'POST', '/api/decisions/:id/accessions', { schema: { tags, summary: 'Record a member’s later accession to a decision', params: Id, body: AccessionBody, response: { 200: DecisionView } } }, (request, who) =>
    desk.accede(c, who, idOf(request.params), request.body as Body<typeof AccessionBody>),
  );

  // Asks, records nothing: a POST only because the question is a document.
  read(app, '/api/decide', { method: 'POST', schema: { tags, summary: 'What the framework says the outcome of a draft would be, and why', body: DecideInputSchema, response: { 200: Ruling } } }, (request, who) =>
    desk.guarded(c, who, 'registry:read', () => {
      const parsed = parseDecideInput(request.body, c.today());
      if (!parsed.ok) return Promise.resolve({ ok: false, refusal: { code: 'invalid', field: parsed.field, message: `${parsed.field}: ${parsed.message}` } });
      const result = decide(c.pack, parsed.input, { now: c.clock.now().toISOString() });
      if (!result.ok) return Promise.resolve({ ok: false, refusal: { code: result.refusal.code, field: result.refusal.field, message: `${result.refusal.field}: ${result.refusal.message}` } });
      return Promise.resolve(desk.found(inContractWords(result.decision)));
    }),
  );
}
