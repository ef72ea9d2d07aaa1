/**
 * The steps a demo scenario takes, each through an application command, and each only if the
 * record does not show it taken already. A repeated command would be refused, and a refusal is
 * itself recorded; looking first is what lets a scenario be seeded twice with nothing recorded
 * the second time. The idempotency key on every step covers what looking cannot: a note or a
 * statement sent again is the same request, answered from the ledger.
 */
import {
  acknowledge,
  addAgendaItem,
  attachNoObjection,
  circulateDecision,
  closeDecision,
  closeSession,
  conveneSession,
  decisionState,
  draftDecision,
  notificationsOf,
  recordAttendance,
  recordPosition,
  sessionState,
  type Actor,
  type Concord,
  type DraftInput,
  type Outcome,
} from '../app/index.js';
import type { PositionDocument } from '../core/decision/index.js';
import type { PositionWord } from '../core/procedure/index.js';

/** The actor of one step: the demo, with a key that names the step. */
export type StepActor = (step: string) => Actor;

export function demoActor(actor: string, scenario: string): StepActor {
  return (step) => ({ actor, idempotencyKey: `demo:${scenario}:${step}` });
}

/**
 * Concord as seen at the moment an act took place. Commands that stamp an act with the clock's
 * time (a position received, a closing, a circulation) stamp that moment as the act's `validAt`;
 * the ledger still records when the entry was made, because appending keeps the real clock.
 */
export function atMoment(c: Concord, instant: string): Concord {
  const moment = new Date(instant);
  if (Number.isNaN(moment.getTime())) throw new Error(`not an instant: ${instant}`);
  return { ...c, clock: { now: () => new Date(moment) }, today: () => moment.toISOString().slice(0, 10) };
}

/** The value of a step that the scenario's fixed data makes certain; a refusal here is a bug. */
export function must<T>(step: string, outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`demo step "${step}" was refused (${outcome.refusal.code}): ${outcome.refusal.field}: ${outcome.refusal.message}`);
  return outcome.value;
}

export async function ensureDraft(c: Concord, draft: DraftInput & { readonly id: string }, act: StepActor): Promise<void> {
  if (await decisionState(c, draft.id)) return;
  must(`draft ${draft.id}`, await draftDecision(c, draft, act(`draft:${draft.id}`)));
}

export async function ensureSession(
  c: Concord,
  session: { readonly id: string; readonly body: string; readonly date: string; readonly place: string; readonly temporaryChair?: string },
  act: StepActor,
): Promise<void> {
  if (await sessionState(c, session.id)) return;
  must(`convene ${session.id}`, await conveneSession(c, session, act(`convene:${session.id}`)));
}

export async function ensureOnAgenda(c: Concord, sessionId: string, decisionId: string, act: StepActor): Promise<void> {
  if ((await sessionState(c, sessionId))?.agenda.includes(decisionId)) return;
  must(`table ${decisionId}`, await addAgendaItem(c, sessionId, decisionId, act(`table:${sessionId}:${decisionId}`)));
}

export async function ensureAttendance(c: Concord, sessionId: string, attendance: Readonly<Record<string, boolean>>, act: StepActor): Promise<void> {
  const recorded = (await sessionState(c, sessionId))?.attendance ?? {};
  for (const [state, present] of Object.entries(attendance)) {
    if (recorded[state] === present) continue;
    must(`attendance of ${state}`, await recordAttendance(c, sessionId, state, present, act(`attendance:${sessionId}:${state}`)));
  }
}

/** The member's registered notice, attached to the item as its position (limited format). */
export async function ensureNoObjection(c: Concord, item: { readonly sessionId: string; readonly decisionId: string; readonly state: string; readonly noteId: string }, act: StepActor): Promise<void> {
  if ((await decisionState(c, item.decisionId))?.positions[item.state]) return;
  must(
    `no-objection of ${item.state} on ${item.decisionId}`,
    await attachNoObjection(c, item.sessionId, item.decisionId, item.state, item.noteId, act(`no-objection:${item.decisionId}:${item.state}`)),
  );
}

export async function ensureDecisionClosed(c: Concord, decisionId: string, act: StepActor): Promise<void> {
  if ((await decisionState(c, decisionId))?.status === 'closed') return;
  must(`close ${decisionId}`, await closeDecision(c, decisionId, act(`close:${decisionId}`)));
}

export async function ensureSessionClosed(c: Concord, sessionId: string, act: StepActor): Promise<void> {
  if ((await sessionState(c, sessionId))?.status === 'closed') return;
  must(`close ${sessionId}`, await closeSession(c, sessionId, act(`close:${sessionId}`)));
}

/** Acknowledgement of the decision's notification by each of `states`, entered for its delegate. */
export async function ensureAcknowledged(c: Concord, decisionId: string, states: readonly string[], act: StepActor): Promise<void> {
  const notifications = await notificationsOf(c, decisionId);
  for (const state of states) {
    const notification = notifications.find((n) => n.state === state);
    if (!notification) throw new Error(`demo: decision ${decisionId} was not notified to ${state}`);
    if (notification.acknowledged_at !== null) continue;
    must(`acknowledgement by ${state}`, await acknowledge(c, { decisionId, state }, act(`acknowledge:${decisionId}:${state}`)));
  }
}

export async function ensureCirculated(c: Concord, decisionId: string, how: { readonly procedure: 'written' | 'silence'; readonly deadline: string }, act: StepActor): Promise<void> {
  if ((await decisionState(c, decisionId))?.status !== 'draft') return;
  must(`circulate ${decisionId}`, await circulateDecision(c, decisionId, how, act(`circulate:${decisionId}`)));
}

/** A position on a circulating draft; nothing once the member has one, or the procedure has closed. */
export async function ensurePosition(c: Concord, decisionId: string, position: { readonly state: string; readonly position: PositionWord; readonly document: PositionDocument }, act: StepActor): Promise<void> {
  const state = await decisionState(c, decisionId);
  if (state?.status !== 'circulating' || state.positions[position.state]) return;
  must(`position of ${position.state}`, await recordPosition(c, decisionId, position, act(`position:${decisionId}:${position.state}`)));
}
