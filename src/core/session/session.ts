/**
 * A session of a body, as a decider: convened with its chair (the framework's rotation; a
 * temporary chair when the chair's state does not take part, CSTO practice of 2009, R17), its
 * agenda, the attendance of each member and the no-objection notices attached to items.
 */
import { chairOn, compositionOn, findBody, inForce, type Pack } from '../framework/index.js';
import { associateRights, type AssociateRole } from '../membership/index.js';
import { isCalendarDate } from '../procedure/index.js';

// ── Commands ────────────────────────────────────────────────────────────────────────────────

export type SessionCommand =
  | {
      readonly kind: 'convene';
      readonly body: string;
      readonly date: string;
      readonly place: string;
      /** States the registry records as not participating on that date. */
      readonly notParticipating: readonly string[];
      /** Who chairs if the state due to chair does not take part (in practice the host). */
      readonly temporaryChair?: string | undefined;
    }
  | { readonly kind: 'add-item'; readonly decisionId: string }
  | {
      readonly kind: 'record-attendance';
      readonly state: string;
      readonly present: boolean;
      /** The status the state holds on the session's date, if it is an observer or a partner (from the registry). */
      readonly associate?: AssociateRole | undefined;
    }
  | { readonly kind: 'attach-no-objection'; readonly decisionId: string; readonly state: string; readonly noteId: string }
  | { readonly kind: 'close'; readonly closedAt: string };

// ── Events ──────────────────────────────────────────────────────────────────────────────────

export type SessionEvent =
  | {
      readonly type: 'SessionConvened';
      readonly validAt: string;
      readonly data: { readonly body: string; readonly place: string; readonly chair: string | null; readonly dueChair: string | null; readonly temporary: boolean; readonly cites: readonly string[] };
    }
  | { readonly type: 'AgendaItemAdded'; readonly validAt: string; readonly data: { readonly decisionId: string } }
  | { readonly type: 'AttendanceRecorded'; readonly validAt: string; readonly data: { readonly state: string; readonly present: boolean; readonly as?: AssociateRole } }
  | { readonly type: 'NoObjectionAttached'; readonly validAt: string; readonly data: { readonly decisionId: string; readonly state: string; readonly noteId: string } }
  | { readonly type: 'SessionClosed'; readonly validAt: string; readonly data: { readonly closedAt: string } };

// ── State ───────────────────────────────────────────────────────────────────────────────────

export interface SessionState {
  readonly status: 'none' | 'open' | 'closed';
  readonly body: string;
  readonly date: string;
  readonly chair: string | null;
  readonly agenda: readonly string[];
  /** The members of the body present or absent; their presence counts towards a consensus. */
  readonly attendance: Readonly<Record<string, boolean>>;
  /** Observers and partners attending as their status allows: present, never a position. */
  readonly associates: Readonly<Record<string, boolean>>;
}

export const initialSession: SessionState = { status: 'none', body: '', date: '', chair: null, agenda: [], attendance: {}, associates: {} };

export interface SessionRefusal {
  readonly code: 'invalid' | 'conflict' | 'wrong-status' | 'not-on-body' | 'not-on-agenda' | 'chair-not-participating';
  readonly field: string;
  readonly message: string;
}

export type SessionDecided = { readonly ok: true; readonly events: readonly SessionEvent[] } | { readonly ok: false; readonly refusal: SessionRefusal };

// ── decide ──────────────────────────────────────────────────────────────────────────────────

export function decideSession(command: SessionCommand, state: SessionState, pack: Pack): SessionDecided {
  if (command.kind === 'convene') return convene(command, state, pack);
  if (state.status !== 'open') return refuse('wrong-status', 'session', `the session is ${state.status === 'none' ? 'not convened' : 'closed'}`);
  switch (command.kind) {
    case 'add-item':
      if (state.agenda.includes(command.decisionId)) return refuse('conflict', 'decisionId', 'the item is already on the agenda');
      return accept({ type: 'AgendaItemAdded', validAt: state.date, data: { decisionId: command.decisionId } });
    case 'record-attendance':
      return attendance(command, state, pack);
    case 'attach-no-objection':
      if (!state.agenda.includes(command.decisionId)) return refuse('not-on-agenda', 'decisionId', 'the item is not on this session’s agenda');
      return onBody(pack, state, command.state) ?? accept({ type: 'NoObjectionAttached', validAt: state.date, data: { decisionId: command.decisionId, state: command.state, noteId: command.noteId } });
    case 'close':
      return accept({ type: 'SessionClosed', validAt: state.date, data: { closedAt: command.closedAt } });
  }
}

function convene(command: Extract<SessionCommand, { kind: 'convene' }>, state: SessionState, pack: Pack): SessionDecided {
  if (state.status !== 'none') return refuse('conflict', 'id', 'this session already exists');
  if (!isCalendarDate(command.date)) return refuse('invalid', 'date', `expected a date YYYY-MM-DD; got "${command.date}"`);
  const body = findBody(pack, command.body);
  if (!body) return refuse('invalid', 'body', `unknown body "${command.body}"; ${pack.id} has: ${pack.bodies.map((b) => b.id).join(', ')}`);
  if (!inForce(body, command.date)) return refuse('invalid', 'date', `the ${body.name.en} did not exist on ${command.date}`);
  if (command.place.trim() === '') return refuse('invalid', 'place', 'is required');
  const rotation = pack.organization.chairmanship;
  const dueChair = chairOn(pack, command.date) ?? null;
  const cites = rotation?.cites ?? [];
  if (dueChair === null || !command.notParticipating.includes(dueChair)) {
    return accept({ type: 'SessionConvened', validAt: command.date, data: { body: command.body, place: command.place, chair: dueChair, dueChair, temporary: false, cites } });
  }
  const members = compositionOn(pack, body, command.date).members;
  if (command.temporaryChair === undefined || !members.includes(command.temporaryChair) || command.notParticipating.includes(command.temporaryChair)) {
    return refuse('chair-not-participating', 'temporaryChair', `${dueChair}, due to chair in ${command.date.slice(0, 4)}, does not take part: name a participating member as temporary chair`);
  }
  return accept({ type: 'SessionConvened', validAt: command.date, data: { body: command.body, place: command.place, chair: command.temporaryChair, dueChair, temporary: true, cites } });
}

/**
 * A member of the body attends as a member; an observer or a partner only where its status lets
 * it attend this body's sessions (CSTO Charter Art. 21: as the Rules of Procedure allow).
 */
function attendance(command: Extract<SessionCommand, { kind: 'record-attendance' }>, state: SessionState, pack: Pack): SessionDecided {
  const { state: party, present, associate } = command;
  if (!onBody(pack, state, party)) return accept({ type: 'AttendanceRecorded', validAt: state.date, data: { state: party, present } });
  if (associate !== undefined && associateRights(pack, associate).attends.includes(state.body)) {
    return accept({ type: 'AttendanceRecorded', validAt: state.date, data: { state: party, present, as: associate } });
  }
  const why = associate === undefined ? '' : `; its ${associate} status does not let it attend the ${state.body}'s sessions`;
  return refuse('not-on-body', 'state', `${party} does not sit on the ${findBody(pack, state.body)?.name.en ?? state.body} on ${state.date}${why}`);
}

function onBody(pack: Pack, state: SessionState, member: string): SessionDecided | undefined {
  const body = findBody(pack, state.body);
  if (body && compositionOn(pack, body, state.date).members.includes(member)) return undefined;
  return refuse('not-on-body', 'state', `${member} does not sit on the ${body?.name.en ?? state.body} on ${state.date}`);
}

// ── evolve ──────────────────────────────────────────────────────────────────────────────────

export function evolveSession(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'SessionConvened':
      return { ...state, status: 'open', body: event.data.body, date: event.validAt, chair: event.data.chair };
    case 'AgendaItemAdded':
      return { ...state, agenda: [...state.agenda, event.data.decisionId] };
    case 'AttendanceRecorded':
      if (event.data.as !== undefined) return { ...state, associates: { ...state.associates, [event.data.state]: event.data.present } };
      return { ...state, attendance: { ...state.attendance, [event.data.state]: event.data.present } };
    case 'NoObjectionAttached':
      return state;
    case 'SessionClosed':
      return { ...state, status: 'closed' };
  }
}

function accept(...events: SessionEvent[]): SessionDecided {
  return { ok: true, events };
}

function refuse(code: SessionRefusal['code'], field: string, message: string): SessionDecided {
  return { ok: false, refusal: { code, field, message } };
}
