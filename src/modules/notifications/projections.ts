/**
 * Notifications of decisions to members, their delivery and acknowledgement, the members' points
 * of contact, and the outbox rows a closed decision creates in the same transaction. Outbox rows
 * are inserted only if absent, so a replay never queues a notification again.
 */
import type { Kysely } from 'kysely';
import { decisionOfStream, type DecisionEvent } from '../../core/decision/index.js';
import type { LedgerEntry } from '../../ledger/entry.js';
import type { Tables } from '../../store/schema.js';
import type { Projection } from '../module.js';
import { NOTIFICATION_STREAMS } from './manifest.js';

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

export function notificationId(decisionId: string, state: string): string {
  return `${decisionId}:${state}`;
}

/** Deliveries and the acknowledgement of one notification live on a stream of their own. */
export function notificationStream(id: string): string {
  return `${NOTIFICATION_STREAMS}${id}`;
}

export const notifications: Projection = {
  canHandle: ['DecisionClosed', 'NotificationDelivered', 'NotificationAcknowledged', 'ContactPointSet'],
  project: async (trx, entries) => {
    for (const entry of entries) {
      switch (entry.type) {
        case 'DecisionClosed':
          await projectClosed(trx, entry, decisionOfStream(entry.streamId) ?? '', entry.data as Data<DecisionEvent, 'DecisionClosed'>);
          break;
        case 'NotificationDelivered': {
          const d = entry.data as NotificationDelivered;
          await trx.updateTable('projection_notifications').set({ delivered_at: entry.recordedAt }).where('id', '=', d.notificationId).where('delivered_at', 'is', null).execute();
          await trx.updateTable('outbox_deliveries').set({ status: 'delivered', delivered_at: entry.recordedAt, lease_until: null }).where('id', '=', d.deliveryId).execute();
          break;
        }
        case 'NotificationAcknowledged': {
          const d = entry.data as NotificationAcknowledged;
          await trx.updateTable('projection_notifications').set({ acknowledged_at: entry.recordedAt, acknowledged_via: d.via }).where('id', '=', d.notificationId).execute();
          break;
        }
        case 'ContactPointSet': {
          const c = entry.data as ContactPoint;
          await trx.deleteFrom('projection_contacts').where('state', '=', c.state).execute();
          await trx.insertInto('projection_contacts').values({ state: c.state, seq: entry.seq, authority: c.authority, email: c.email, webhook: c.webhook, language: c.language }).execute();
          // Notifications that found no point of contact are sent now that there is one.
          const waiting = await trx.selectFrom('projection_notifications').selectAll().where('state', '=', c.state).where('delivered_at', 'is', null).execute();
          for (const n of waiting) await queueDeliveries(trx, n.id, n.decision_id, c, entry.recordedAt);
          break;
        }
      }
    }
  },
};

async function projectClosed(trx: Kysely<Tables>, entry: LedgerEntry, decisionId: string, d: Data<DecisionEvent, 'DecisionClosed'>): Promise<void> {
  const contacts = new Map((await trx.selectFrom('projection_contacts').selectAll().execute()).map((c) => [c.state, c]));
  // The members the framework says must be told, and the observers and partners it informs.
  for (const state of new Set([...d.result.notify, ...(d.informed ?? [])])) {
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
