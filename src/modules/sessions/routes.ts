/**
 * Sessions of bodies: convening, the agenda, attendance, no-objection notices, closing.
 */
import type { FastifyInstance } from 'fastify';
import { desk, type Concord } from '../../app/index.js';
import { idOf, named, read, write } from '../../server/plumbing.js';
import { AgendaItemBody, Empty, AttendanceBody, Id, NoObjectionBody, SessionBody, type Body } from '../../server/schemas.js';
import { SessionList, SessionView } from './schemas.js';

const tags = ['Sessions'];

export function sessionRoutes(app: FastifyInstance, c: Concord): void {
  read(app, '/api/sessions', { schema: { tags, summary: 'Sessions, latest first', response: { 200: SessionList } } }, (_request, who) =>
    named('sessions', desk.sessions(c, who)),
  );

  write(app, c, 'POST', '/api/sessions', { created: true, schema: { tags, summary: 'Convene a session; the chair is the framework’s', body: SessionBody, response: { 201: SessionView } } }, (request, who) =>
    desk.convene(c, who, request.body as Body<typeof SessionBody>),
  );

  read(app, '/api/sessions/:id', { schema: { tags, summary: 'A session: agenda, attendance, chair', params: Id, response: { 200: SessionView } } }, (request, who) => desk.sessionView(c, who, idOf(request.params)));

  write(app, c, 'POST', '/api/sessions/:id/items', { schema: { tags, summary: 'Table a draft at the session', params: Id, body: AgendaItemBody, response: { 200: SessionView } } }, (request, who) =>
    desk.addItem(c, who, idOf(request.params), (request.body as Body<typeof AgendaItemBody>).decisionId),
  );

  write(app, c, 'POST', '/api/sessions/:id/attendance', { schema: { tags, summary: 'Record whether a member is present', params: Id, body: AttendanceBody, response: { 200: SessionView } } }, (request, who) => {
    const { state, present } = request.body as Body<typeof AttendanceBody>;
    return desk.attendance(c, who, idOf(request.params), state, present);
  });

  write(app, c, 'POST', '/api/sessions/:id/no-objections', { schema: { tags, summary: 'Attach an absent member’s no-objection notice to an item (limited format)', params: Id, body: NoObjectionBody, response: { 200: SessionView } } }, (request, who) =>
    desk.noObjection(c, who, idOf(request.params), request.body as Body<typeof NoObjectionBody>),
  );

  write(app, c, 'POST', '/api/sessions/:id/close', { schema: { tags, summary: 'Close the session and every item still open, with the attendance recorded', params: Id, body: Empty, response: { 200: SessionView } } }, (request, who) =>
    desk.closeSessionNow(c, who, idOf(request.params)),
  );
}
