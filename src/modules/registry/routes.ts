/**
 * The registry as of a date and as known on a date, each party's record, the framework's bodies,
 * the correspondence register and the record of public statements (kept apart).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { desk, type AsOf, type Concord, type Outcome } from '../../app/index.js';
import { isCalendarDate } from '../../core/procedure/index.js';
import { idOf, named, read, write } from '../../server/plumbing.js';
import { AsOfQuery, Key, NoteBody, NoteQuery, StatementBody, StateCode, type Body } from '../../server/schemas.js';
import { FrameworkView, NoteAnswer, NoteList, OfficialNote, Overview, PartyRecord, RegistryView, StatementAnswer, StatementList } from './schemas.js';

const tags = ['Registry'];

export function registryRoutes(app: FastifyInstance, c: Concord): void {
  read(app, '/api/overview', { schema: { tags, summary: 'The desk at a glance: standing today, the chair, open procedures, notifications not yet acknowledged', response: { 200: Overview } } }, (_request, who) =>
    desk.overview(c, who),
  );

  read(app, '/api/framework', { schema: { tags, summary: 'The installed framework: its bodies and the questions each decides', response: { 200: FrameworkView } } }, (_request, who) =>
    desk.guarded(c, who, 'registry:read', () =>
      Promise.resolve(
        desk.found({
          id: c.framework.id,
          name: c.pack.organization.name,
          bodies: c.pack.bodies.map((b) => ({ id: b.id, name: b.name, questions: Object.keys(b.questions) })),
          members: c.pack.members.map((m) => m.state),
          names: Object.fromEntries(c.pack.members.map((m) => [m.state, m.name])),
        }),
      ),
    ),
  );

  read(app, '/api/registry', { schema: { tags, summary: 'Every party’s standing on a date, as known on a date', querystring: AsOfQuery, response: { 200: RegistryView } } }, async (request, who) => {
    const when = asOf(c, request);
    if (!when.ok) return when;
    const parties = await desk.registryView(c, who, when.value);
    return parties.ok ? { ...parties, value: { ...when.value, parties: parties.value } } : parties;
  });

  read(
    app,
    '/api/registry/:state',
    { schema: { tags, summary: 'A party’s standing, its history with the acts behind each change, its notes, and statements shown apart', params: Type.Object({ state: StateCode }), querystring: AsOfQuery, response: { 200: PartyRecord } } },
    async (request, who) => {
      const when = asOf(c, request);
      return when.ok ? desk.partyView(c, who, (request.params as { state: string }).state, when.value) : when;
    },
  );

  read(app, '/api/correspondence', { schema: { tags, summary: 'The register of official notes the reader may see, of one sender or kind if asked', querystring: NoteQuery, response: { 200: NoteList } } }, (request, who) =>
    named('notes', desk.correspondence(c, who, request.query as Body<typeof NoteQuery>)),
  );

  read(app, '/api/correspondence/:id', { schema: { tags, summary: 'One official note', params: Type.Object({ id: Key() }), response: { 200: OfficialNote } } }, (request, who) =>
    desk.noteView(c, who, idOf(request.params)),
  );

  write(app, c, 'POST', '/api/correspondence', { created: true, schema: { tags, summary: 'Register an official note; a withdrawal notice starts its notice period', body: NoteBody, response: { 201: NoteAnswer } } }, (request, who) =>
    named('note', desk.registerNote(c, who, request.body as Body<typeof NoteBody>)),
  );

  read(
    app,
    '/api/statements',
    { schema: { tags, summary: 'Public statements: recorded apart, never a change of status', querystring: Type.Object({ state: Type.Optional(StateCode) }, { additionalProperties: false }), response: { 200: StatementList } } },
    (request, who) => named('statements', desk.statements(c, who, (request.query as { state?: string }).state)),
  );

  write(app, c, 'POST', '/api/statements', { created: true, schema: { tags, summary: 'Record a public statement (it changes no status)', body: StatementBody, response: { 201: StatementAnswer } } }, (request, who) =>
    named('statement', desk.recordStatement(c, who, request.body as Body<typeof StatementBody>)),
  );
}

function asOf(c: Concord, request: FastifyRequest): Outcome<AsOf> {
  const query = request.query as { asOf?: string; knownAt?: string };
  const today = c.today();
  const when = { asOf: query.asOf ?? today, knownAt: query.knownAt ?? today };
  for (const [field, value] of Object.entries(when)) {
    if (!isCalendarDate(value)) return { ok: false, refusal: { code: 'invalid', field, message: `expected a date YYYY-MM-DD, got "${value}"` } };
  }
  return { ok: true, value: when, entries: [] };
}
