/**
 * The secretariat's working procedures on decisions: drafting, circulating, recording positions,
 * closing (by hand at a session's end, or by the deadline's timer), accession, acknowledgement.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  decideDecision,
  decisionStream,
  evolveDecision,
  initialDecision,
  type DecisionCommand,
  type DecisionState,
  type Localized,
  type PositionDocument,
} from '../core/decision/index.js';
import type { PositionWord } from '../core/procedure/index.js';
import { evolveSession, initialSession, sessionStream } from '../core/session/index.js';
import { readStream } from '../ledger/index.js';
import { notificationId, notificationStream, type NotificationAcknowledged } from '../modules/notifications/projections.js';
import type { NotificationRow } from '../store/schema.js';
import { appendAll, foldStream, handle, refuse, type Actor, type Outcome } from './command.js';
import { latestToday, type Concord } from './concord.js';
import { associatesOn } from './registry.js';
import { readAckToken } from './tokens.js';

/** A new id; derived from the idempotency key when there is one, so a retried command is the same request. */
export function newId(prefix: string, by?: Actor): string {
  const unique = by?.idempotencyKey === undefined ? randomBytes(4).toString('hex') : createHash('sha256').update(by.idempotencyKey).digest('hex').slice(0, 8);
  return `${prefix}-${unique}`;
}

export function runDecisionCommand(c: Concord, id: string, command: DecisionCommand, by: Actor): Promise<Outcome<DecisionState>> {
  return handle(c, { streamId: decisionStream(id), initial: initialDecision, evolve: evolveDecision, decide: (state) => decideDecision(command, state, c.pack), describe: `${command.kind} decision ${id}` }, by);
}

export interface DraftInput {
  readonly id?: string | undefined;
  readonly title: Localized;
  readonly text: Localized;
  readonly body: string;
  readonly question: string;
  readonly initiator: string;
  readonly draftedOn?: string | undefined;
}

export async function draftDecision(c: Concord, draft: DraftInput, by: Actor): Promise<Outcome<{ id: string; state: DecisionState }>> {
  const id = draft.id ?? newId('D', by);
  const result = await runDecisionCommand(c, id, { kind: 'draft', ...draft, draftedOn: draft.draftedOn ?? c.today() }, by);
  return result.ok ? { ...result, value: { id, state: result.value } } : result;
}

export function amendDecision(c: Concord, id: string, change: { title?: Localized; text?: Localized }, by: Actor): Promise<Outcome<DecisionState>> {
  return runDecisionCommand(c, id, { kind: 'amend', ...change, amendedOn: c.today() }, by);
}

export function circulateDecision(c: Concord, id: string, how: { procedure: 'written' | 'silence'; deadline: string }, by: Actor): Promise<Outcome<DecisionState>> {
  return runDecisionCommand(c, id, { kind: 'circulate', ...how, circulatedOn: c.clock.now().toISOString() }, by);
}

export function recordPosition(
  c: Concord,
  id: string,
  position: { state: string; position: PositionWord; at?: string | undefined; document: PositionDocument },
  by: Actor,
): Promise<Outcome<DecisionState>> {
  return runDecisionCommand(c, id, { kind: 'record-position', ...position, at: position.at ?? c.clock.now().toISOString() }, by);
}

/** Closes a procedure now; an item tabled at a session is closed with that session's attendance. */
export async function closeDecision(c: Concord, id: string, by: Actor): Promise<Outcome<DecisionState>> {
  return runDecisionCommand(c, id, await closing(c, (await foldDecision(c, id)).state), by);
}

/**
 * The close command for a decision: with the attendance of its session if it was tabled at one,
 * and the observers and partners holding their status on its date, some of whom it informs.
 */
export async function closing(c: Concord, state: DecisionState): Promise<DecisionCommand> {
  const session = state.sessionId === undefined ? undefined : (await foldStream(c, sessionStream(state.sessionId), evolveSession, initialSession)).state;
  const framework = { id: c.framework.id, digest: c.framework.digest };
  return { kind: 'close', now: c.clock.now().toISOString(), attendance: session?.attendance, associates: await associatesOn(c, state.date), framework };
}

export function accedeToDecision(c: Concord, id: string, accession: { state: string; accededOn: string; document: PositionDocument }, by: Actor): Promise<Outcome<DecisionState>> {
  return runDecisionCommand(c, id, { kind: 'accede', ...accession, today: latestToday(c) }, by);
}

export async function decisionState(c: Concord, id: string): Promise<DecisionState | undefined> {
  const { state, version } = await foldDecision(c, id);
  return version === 0 ? undefined : state;
}

export function foldDecision(c: Concord, id: string): Promise<{ state: DecisionState; version: number }> {
  return foldStream(c, decisionStream(id), evolveDecision, initialDecision);
}

export async function notificationsOf(c: Concord, decisionId: string): Promise<NotificationRow[]> {
  return c.database.db.selectFrom('projection_notifications').selectAll().where('decision_id', '=', decisionId).orderBy('state').execute();
}

/** What an acknowledgement link names: the decision, the member, and whether receipt is already on record. */
export interface AckLinkSubject {
  readonly decisionId: string;
  readonly state: string;
  readonly title: Localized;
  readonly acknowledgedAt: string | null;
}

/** The notification a link points to, without acknowledging it; undefined for a forged or unknown link. */
export async function ackLinkSubject(c: Concord, token: string): Promise<AckLinkSubject | undefined> {
  const read = await readAckToken(c, token);
  if (!read) return undefined;
  const row = await c.database.db
    .selectFrom('projection_notifications')
    .innerJoin('projection_decisions', 'projection_decisions.id', 'projection_notifications.decision_id')
    .select(['projection_notifications.acknowledged_at', 'projection_decisions.title_en', 'projection_decisions.title_ru'])
    .where('projection_notifications.id', '=', notificationId(read.decisionId, read.state))
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...read, title: { en: row.title_en, ru: row.title_ru }, acknowledgedAt: row.acknowledged_at };
}

/**
 * Acknowledgement by the single-use link sent with the notification, or by the member's
 * delegate in the application. A used, unknown or foreign token is refused and recorded.
 */
export async function acknowledge(c: Concord, how: { token: string; asState?: string | undefined } | { decisionId: string; state: string }, by: Actor): Promise<Outcome<NotificationAcknowledged>> {
  let target: { decisionId: string; state: string; via: 'link' | 'delegate' };
  if ('token' in how) {
    const read = await readAckToken(c, how.token);
    if (!read) return refuse(c, 'acknowledge', { code: 'invalid-token', field: 'token', message: 'this acknowledgement link is not valid' }, by);
    if (how.asState !== undefined && how.asState !== read.state) {
      return refuse(c, 'acknowledge', { code: 'invalid-token', field: 'token', message: `this link was issued to ${read.state}, not to ${how.asState}` }, by);
    }
    target = { ...read, via: 'link' };
  } else {
    target = { ...how, via: 'delegate' };
  }
  const id = notificationId(target.decisionId, target.state);
  const notification = await c.database.db.selectFrom('projection_notifications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!notification) return refuse(c, 'acknowledge', { code: 'not-found', field: 'decision', message: `no notification of decision ${target.decisionId} to ${target.state}` }, by);
  const history = await readStream(c.database, notificationStream(id));
  const earlier = history.find((e) => e.type === 'NotificationAcknowledged');
  if (earlier) return refuse(c, 'acknowledge', { code: 'conflict', field: target.via === 'link' ? 'token' : 'state', message: `already acknowledged on ${earlier.recordedAt}; an acknowledgement is given once` }, by);
  const event: NotificationAcknowledged = { notificationId: id, state: target.state, via: target.via };
  // The version read makes a second, concurrent acknowledgement a conflict, not a duplicate.
  return appendAll(c, [{ streamId: notificationStream(id), expectedVersion: history.length, events: [{ type: 'NotificationAcknowledged', validAt: c.clock.now().toISOString(), data: event }] }], by, event, 'acknowledge');
}
