/**
 * Read models of decisions, sessions, contact points and notifications, and the outbox rows a
 * closed decision creates in the same transaction. Outbox rows are inserted only if absent, so a
 * replay never queues a notification again.
 */
import type { Kysely } from 'kysely';
import type { DecisionEvent } from '../core/decision/index.js';
import type { SessionEvent } from '../core/session/index.js';
import type { LedgerEntry } from '../ledger/entry.js';
import type { Tables } from './schema.js';

export interface ContactPoint {
  readonly state: string;
  readonly authority: string;
  readonly email: string | null;
  readonly webhook: string | null;
  readonly language: 'en' | 'ru';
}

export interface NotificationDelivered {
  readonly deliveryId: string;
  readonly notificationId: string;
  readonly channel: string;
}

export interface NotificationAcknowledged {
  readonly notificationId: string;
  readonly state: string;
  readonly via: 'link' | 'delegate';
}

type Data<T extends { type: string; data: unknown }, K extends T['type']> = Extract<T, { type: K }>['data'];

function suffix(streamId: string, prefix: string): string {
  return streamId.slice(prefix.length);
}

export function notificationId(decisionId: string, state: string): string {
  return `${decisionId}:${state}`;
}

/** Deliveries and the acknowledgement of one notification live on a stream of their own. */
export function notificationStream(id: string): string {
  return `notification-${id}`;
}

/** Returns false for an entry none of these read models cares about. */
export async function projectDecisionEntry(trx: Kysely<Tables>, entry: LedgerEntry): Promise<boolean> {
  const decisionId = suffix(entry.streamId, 'decision-');
  switch (entry.type) {
    case 'DraftCreated': {
      const d = entry.data as Data<DecisionEvent, 'DraftCreated'>;
      await trx.insertInto('projection_decisions').values({ id: decisionId, seq: entry.seq, body: d.body, question: d.question, title_en: d.title.en, title_ru: d.title.ru, status: 'draft', procedure: null, deadline: null, session_id: null, outcome: null, reason: null, version: 1, drafted_on: entry.validAt, closed_at: null }).execute();
      return true;
    }
    case 'DraftAmended': {
      const d = entry.data as Data<DecisionEvent, 'DraftAmended'>;
      await trx.updateTable('projection_decisions').set({ title_en: d.title.en, title_ru: d.title.ru, version: d.version }).where('id', '=', decisionId).execute();
      return true;
    }
    case 'DraftTabled': {
      const d = entry.data as Data<DecisionEvent, 'DraftTabled'>;
      await trx.updateTable('projection_decisions').set({ status: 'tabled', procedure: 'vote', session_id: d.sessionId }).where('id', '=', decisionId).execute();
      return true;
    }
    case 'DraftCirculated': {
      const d = entry.data as Data<DecisionEvent, 'DraftCirculated'>;
      await trx.updateTable('projection_decisions').set({ status: 'circulating', procedure: d.procedure, deadline: d.deadline }).where('id', '=', decisionId).execute();
      await trx.insertInto('projection_timers').values({ id: `deadline-${decisionId}`, seq: entry.seq, kind: 'procedure-deadline', stream_id: entry.streamId, due_at: d.deadline, payload: JSON.stringify({ decisionId }), fired_seq: null }).execute();
      return true;
    }
    case 'PositionRecorded':
      return true;
    case 'DecisionClosed':
      await projectClosed(trx, entry, decisionId, entry.data as Data<DecisionEvent, 'DecisionClosed'>);
      return true;
    case 'AccessionRecorded':
      return true;
    case 'NotificationDelivered': {
      const d = entry.data as NotificationDelivered;
      await trx.updateTable('projection_notifications').set({ delivered_at: entry.recordedAt }).where('id', '=', d.notificationId).where('delivered_at', 'is', null).execute();
      await trx.updateTable('outbox_deliveries').set({ status: 'delivered', delivered_at: entry.recordedAt, lease_until: null }).where('id', '=', d.deliveryId).execute();
      return true;
    }
    case 'NotificationAcknowledged': {
      const d = entry.data as NotificationAcknowledged;
      await trx.updateTable('projection_notifications').set({ acknowledged_at: entry.recordedAt, acknowledged_via: d.via }).where('id', '=', d.notificationId).execute();
      return true;
    }
    case 'ContactPointSet': {
      const c = entry.data as ContactPoint;
      await trx.deleteFrom('projection_contacts').where('state', '=', c.state).execute();
      await trx.insertInto('projection_contacts').values({ state: c.state, seq: entry.seq, authority: c.authority, email: c.email, webhook: c.webhook, language: c.language }).execute();
      // Notifications that found no point of contact are sent now that there is one.
      const waiting = await trx.selectFrom('projection_notifications').selectAll().where('state', '=', c.state).where('delivered_at', 'is', null).execute();
      for (const n of waiting) await queueDeliveries(trx, n.id, n.decision_id, c, entry.recordedAt);
      return true;
    }
    default:
      return projectSessionEntry(trx, entry);
  }
}

async function projectClosed(trx: Kysely<Tables>, entry: LedgerEntry, decisionId: string, d: Data<DecisionEvent, 'DecisionClosed'>): Promise<void> {
  await trx.updateTable('projection_decisions').set({ status: 'closed', outcome: d.result.outcome, reason: d.result.reason, closed_at: entry.recordedAt }).where('id', '=', decisionId).execute();
  await trx.updateTable('projection_timers').set({ fired_seq: entry.seq }).where('id', '=', `deadline-${decisionId}`).where('fired_seq', 'is', null).execute();
  const contacts = new Map((await trx.selectFrom('projection_contacts').selectAll().execute()).map((c) => [c.state, c]));
  for (const state of d.result.notify) {
    const id = notificationId(decisionId, state);
    await trx.insertInto('projection_notifications').values({ id, seq: entry.seq, decision_id: decisionId, state, created_at: entry.recordedAt, delivered_at: null, acknowledged_at: null, acknowledged_via: null }).execute();
    const contact = contacts.get(state);
    if (contact) await queueDeliveries(trx, id, decisionId, { ...contact, language: contact.language === 'ru' ? 'ru' : 'en' }, entry.recordedAt);
  }
}

/** One outbox row per channel of the contact point; a row already there (a replay) is kept as it is. */
async function queueDeliveries(trx: Kysely<Tables>, id: string, decisionId: string, contact: ContactPoint, at: string): Promise<void> {
  for (const [channel, address] of [
    ['email', contact.email],
    ['webhook', contact.webhook],
  ] as const) {
    if (!address) continue;
    await trx
      .insertInto('outbox_deliveries')
      .values({ id: `${id}:${channel}`, notification_id: id, decision_id: decisionId, state: contact.state, channel, address, language: contact.language, status: 'pending', attempts: 0, next_attempt_at: at, lease_until: null, delivered_at: null, last_error: null })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

async function projectSessionEntry(trx: Kysely<Tables>, entry: LedgerEntry): Promise<boolean> {
  const sessionId = suffix(entry.streamId, 'session-');
  switch (entry.type) {
    case 'SessionConvened': {
      const d = entry.data as Data<SessionEvent, 'SessionConvened'>;
      await trx.insertInto('projection_sessions').values({ id: sessionId, seq: entry.seq, body: d.body, date: entry.validAt, place: d.place, chair: d.chair, temporary_chair: d.temporary ? 1 : 0, status: 'open' }).execute();
      return true;
    }
    case 'SessionClosed':
      await trx.updateTable('projection_sessions').set({ status: 'closed' }).where('id', '=', sessionId).execute();
      return true;
    case 'AgendaItemAdded':
    case 'AttendanceRecorded':
    case 'NoObjectionAttached':
      return true;
    default:
      return false;
  }
}
