/**
 * The acts a signed-in person may take, each checked against their role and, for a delegate, the
 * state they act for: a delegate records a position or an acknowledgement only for their own
 * state; the secretariat records a state's position only from the note that carries it.
 */
import type { OfficialNote, PublicStatement } from '../../core/correspondence/index.js';
import type { Localized, PositionDocument } from '../../core/decision/index.js';
import type { PositionWord } from '../../core/procedure/index.js';
import type { NotificationAcknowledged } from '../../modules/notifications/projections.js';
import { refuse, type Outcome } from '../command.js';
import type { Concord } from '../concord.js';
import { accedeToDecision, acknowledge, amendDecision, circulateDecision, closeDecision, draftDecision, recordPosition } from '../decisions.js';
import { mayReadDecision } from '../../modules/decisions/manifest.js';
import { recordPublicStatement, registerOfficialNote } from '../registry.js';
import { setContactPoint, type ContactInput } from '../contacts.js';
import type { ContactPoint } from '../../modules/notifications/projections.js';
import { addAgendaItem, attachNoObjection, closeSession, conveneSession, recordAttendance } from '../sessions.js';
import { actorOf, guarded, type Signed } from './guard.js';
import { toDecisionView, toSessionView, type DecisionView, type SessionView } from './reads.js';
import type { DecisionState } from '../../core/decision/index.js';
import type { SessionState } from '../../core/session/index.js';

export function registerNote(c: Concord, who: Signed, note: Omit<OfficialNote, 'id'>): Promise<Outcome<OfficialNote>> {
  return guarded(c, who, 'correspondence:register', () => registerOfficialNote(c, note, actorOf(who)));
}

export function recordStatement(c: Concord, who: Signed, statement: Omit<PublicStatement, 'id'>): Promise<Outcome<PublicStatement>> {
  return guarded(c, who, 'statement:record', () => recordPublicStatement(c, statement, actorOf(who)));
}

export interface DraftRequest {
  /** The decision's id; generated when not given. */
  readonly id?: string | undefined;
  readonly title: Localized;
  readonly text: Localized;
  readonly body: string;
  readonly question: string;
  readonly initiator: string;
}

export function draft(c: Concord, who: Signed, request: DraftRequest): Promise<Outcome<DecisionView>> {
  return guarded(c, who, 'decision:draft', async () => {
    const drafted = await draftDecision(c, request, actorOf(who));
    return drafted.ok ? asDecisionView(c, who, drafted.value.id, { ...drafted, value: drafted.value.state }) : drafted;
  });
}

/** A new version of the draft's title or text, before any position is recorded; every version is kept. */
export function amend(c: Concord, who: Signed, id: string, change: { title?: Localized; text?: Localized }): Promise<Outcome<DecisionView>> {
  return guarded(c, who, 'decision:draft', async () => asDecisionView(c, who, id, await amendDecision(c, id, change, actorOf(who))));
}

export function circulate(c: Concord, who: Signed, id: string, how: { procedure: 'written' | 'silence'; deadline: string }): Promise<Outcome<DecisionView>> {
  return guarded(c, who, 'decision:circulate', async () => asDecisionView(c, who, id, await circulateDecision(c, id, how, actorOf(who))));
}

export function close(c: Concord, who: Signed, id: string): Promise<Outcome<DecisionView>> {
  return guarded(c, who, 'decision:close', async () => asDecisionView(c, who, id, await closeDecision(c, id, actorOf(who))));
}

export function position(c: Concord, who: Signed, id: string, request: StateAct & { position: PositionWord; at?: string | undefined }): Promise<Outcome<DecisionView>> {
  return onDocument(c, who, 'decision:position', id, request, (document) => recordPosition(c, id, { state: request.state, position: request.position, at: request.at, document }, actorOf(who)));
}

export function accede(c: Concord, who: Signed, id: string, request: StateAct & { accededOn: string }): Promise<Outcome<DecisionView>> {
  return onDocument(c, who, 'decision:accede', id, request, (document) => accedeToDecision(c, id, { state: request.state, accededOn: request.accededOn, document }, actorOf(who)));
}

/**
 * What a state's act rests on: the registered note that carries it, or, entered by the system on
 * a delegate's behalf (the command line), the delegate who gave it.
 */
export interface StateAct {
  readonly state: string;
  readonly noteId?: string | undefined;
  readonly enteredFor?: string | undefined;
}

/** A state's act on a decision, permitted for that state and resting on the document that carries it. */
function onDocument(
  c: Concord,
  who: Signed,
  action: 'decision:position' | 'decision:accede',
  id: string,
  request: StateAct,
  act: (document: PositionDocument) => Promise<Outcome<DecisionState>>,
): Promise<Outcome<DecisionView>> {
  return guarded(
    c,
    who,
    action,
    async () => {
      // The status from its read model: the act itself folds the stream again, and this only decides what may be said.
      const row = await c.database.db.selectFrom('projection_decisions').select('status').where('id', '=', id).executeTakeFirst();
      // A draft the secretariat has not circulated does not exist yet for a delegate: refused as a missing one is, with nothing of its status.
      if (!row || !mayReadDecision(who.principal, row.status)) return refuse(c, action, { code: 'not-found', field: 'id', message: `no decision ${id}` }, actorOf(who));
      const document = await documentOf(c, who, request);
      return document.ok ? asDecisionView(c, who, id, await act(document.value)) : document;
    },
    request.state,
  );
}

/** A delegate's own entry is its document; the secretariat enters a state's act from the note of that state that carries it. */
async function documentOf(c: Concord, who: Signed, { state, noteId, enteredFor }: StateAct): Promise<Outcome<PositionDocument>> {
  if (who.principal.role === 'delegate') return { ok: true, value: { kind: 'delegate-entry', by: who.principal.username }, entries: [] };
  if (noteId === undefined && enteredFor !== undefined && who.actor !== undefined) return { ok: true, value: { kind: 'delegate-entry', by: enteredFor }, entries: [] };
  if (noteId === undefined) return refuse(c, 'record a state’s act', { code: 'note-required', field: 'noteId', message: 'the secretariat records a state’s act from the registered note that carries it: give its id' }, actorOf(who));
  const note = await c.database.db.selectFrom('projection_correspondence').select('sender').where('id', '=', noteId).executeTakeFirst();
  if (note?.sender !== state) return refuse(c, 'record a state’s act', { code: 'not-registered', field: 'noteId', message: `no note ${noteId} from ${state} is registered` }, actorOf(who));
  return { ok: true, value: { kind: 'note', noteId }, entries: [] };
}

export function acknowledgeNotification(c: Concord, who: Signed, decisionId: string, state: string): Promise<Outcome<NotificationAcknowledged>> {
  return guarded(c, who, 'notification:acknowledge', () => acknowledge(c, { decisionId, state }, actorOf(who)), state);
}

export function convene(c: Concord, who: Signed, session: { id?: string | undefined; body: string; date: string; place: string; temporaryChair?: string | undefined }): Promise<Outcome<SessionView>> {
  return guarded(c, who, 'session:manage', async () => {
    const convened = await conveneSession(c, session, actorOf(who));
    return convened.ok ? asSessionView(c, convened.value.id, { ...convened, value: convened.value.state }) : convened;
  });
}

export function addItem(c: Concord, who: Signed, sessionId: string, decisionId: string): Promise<Outcome<SessionView>> {
  return guarded(c, who, 'session:manage', async () => asSessionView(c, sessionId, await addAgendaItem(c, sessionId, decisionId, actorOf(who))));
}

export function attendance(c: Concord, who: Signed, sessionId: string, state: string, present: boolean): Promise<Outcome<SessionView>> {
  return guarded(c, who, 'session:manage', async () => asSessionView(c, sessionId, await recordAttendance(c, sessionId, state, present, actorOf(who))));
}

export function noObjection(c: Concord, who: Signed, sessionId: string, request: { decisionId: string; state: string; noteId: string }): Promise<Outcome<SessionView>> {
  return guarded(c, who, 'session:manage', async () => asSessionView(c, sessionId, await attachNoObjection(c, sessionId, request.decisionId, request.state, request.noteId, actorOf(who))));
}

export function closeSessionNow(c: Concord, who: Signed, sessionId: string): Promise<Outcome<SessionView>> {
  return guarded(c, who, 'session:manage', async () => asSessionView(c, sessionId, await closeSession(c, sessionId, actorOf(who))));
}

async function asDecisionView(c: Concord, who: Signed, id: string, outcome: Outcome<DecisionState>): Promise<Outcome<DecisionView>> {
  return outcome.ok ? { ...outcome, value: await toDecisionView(c, who.principal, id, outcome.value) } : outcome;
}

async function asSessionView(c: Concord, id: string, outcome: Outcome<SessionState>): Promise<Outcome<SessionView>> {
  return outcome.ok ? { ...outcome, value: await toSessionView(c, id, outcome.value) } : outcome;
}

/** A member's point of contact for notifications; a webhook's signing secret is shown once. */
export function setContact(c: Concord, who: Signed, input: ContactInput): Promise<Outcome<{ contact: ContactPoint; webhookSecret: string | undefined }>> {
  return guarded(c, who, 'contact:manage', () => setContactPoint(c, input, actorOf(who)));
}
