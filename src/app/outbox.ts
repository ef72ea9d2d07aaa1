/**
 * Delivering notifications from the outbox. A closed decision put one row per member and channel
 * in the outbox, in the transaction that recorded it. A worker claims a due row with a lease,
 * sends it (SMTP, or a webhook signed with HMAC-SHA256), records the attempt, and on success
 * records the delivery in the ledger, which ends the row for good; on failure it retries with
 * exponential backoff. If a worker dies between sending and recording, the lease runs out and the
 * row is sent again with the same Message-ID / Idempotency-Key, so a receiver can drop the copy.
 */
import { createHmac } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type ExpressionBuilder } from 'kysely';
import { memberName } from '../core/framework/index.js';
import { notificationStream, type NotificationDelivered } from '../modules/notifications/projections.js';
import type { DeliveryRow, Tables } from '../store/schema.js';
import type { Concord } from './concord.js';
import { webhookSecretOf } from './contacts.js';
import { decisionState } from './decisions.js';
import { repeatEvery, type Repeating } from './timers.js';
import { ackToken } from './tokens.js';
import { checkpointNow } from './proof.js';

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly messageId: string;
}

export interface Transports {
  readonly email?: (message: EmailMessage) => Promise<void>;
  readonly webhook?: (url: string, body: string, headers: Readonly<Record<string, string>>) => Promise<void>;
}

// nodemailer is loaded on the first message, not by every command that opens Concord.
const mailer = () => import('nodemailer').then((m) => m.default);

export function smtpTransport(url: string, from: string): NonNullable<Transports['email']> {
  let transporter: ReturnType<Awaited<ReturnType<typeof mailer>>['createTransport']> | undefined;
  return async (m) => {
    transporter ??= (await mailer()).createTransport(url);
    await transporter.sendMail({ from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId });
  };
}

/**
 * A pickup directory: each message written as an .eml file named by its Message-ID, for a mail
 * server that collects such files, or for looking at the mail on a machine without one.
 */
export function pickupDirectoryTransport(dir: string, from: string): NonNullable<Transports['email']> {
  return async (m) => {
    const transporter = (await mailer()).createTransport({ streamTransport: true, buffer: true });
    mkdirSync(dir, { recursive: true });
    const info = await transporter.sendMail({ from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId });
    writeFileSync(join(dir, `${m.messageId.replace(/[<>]/g, '').replace(/[^\w.@-]/g, '_')}.eml`), info.message as Buffer);
  };
}

export const webhookTransport: NonNullable<Transports['webhook']> = async (url, body, headers) => {
  const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`the receiver answered ${response.status} ${response.statusText}`);
};

/**
 * Transports from the environment: e-mail through CONCORD_SMTP_URL, or into the pickup directory
 * CONCORD_MAIL_DIR; CONCORD_MAIL_FROM is the sender. Webhooks always.
 */
export function transportsFromEnv(env: NodeJS.ProcessEnv = process.env): Transports {
  const from = env.CONCORD_MAIL_FROM ?? 'secretariat@concord.invalid';
  const email = env.CONCORD_SMTP_URL ? smtpTransport(env.CONCORD_SMTP_URL, from) : env.CONCORD_MAIL_DIR ? pickupDirectoryTransport(env.CONCORD_MAIL_DIR, from) : undefined;
  return { webhook: webhookTransport, ...(email ? { email } : {}) };
}

export interface DeliveryOptions {
  /** Where acknowledgement links point (the server's public address). */
  readonly publicUrl: string;
  readonly leaseMs?: number;
  /** The first retry's delay; each later one doubles it, up to six hours. */
  readonly backoffMs?: number;
  readonly maxAttempts?: number;
}

export interface DeliveryReport {
  readonly delivered: number;
  readonly failed: number;
}

/** Delivers what is due now, then again every `intervalMs` (retries fall due as their backoff runs out). */
export function scheduleDeliveries(c: Concord, transports: Transports, options: DeliveryOptions & { intervalMs?: number; onError?: (error: unknown) => void }): Repeating {
  return repeatEvery(options.intervalMs ?? 10_000, () => deliverDue(c, transports, options), options.onError);
}

/** Sends every delivery that is due now; returns when none is left due. */
export async function deliverDue(c: Concord, transports: Transports, options: DeliveryOptions): Promise<DeliveryReport> {
  let delivered = 0;
  let failed = 0;
  for (;;) {
    const row = await claim(c, options.leaseMs ?? 30_000);
    if (!row) return { delivered, failed };
    if (await attempt(c, row, transports, options)) delivered++;
    else failed++;
  }
}

async function claim(c: Concord, leaseMs: number): Promise<DeliveryRow | undefined> {
  const now = c.clock.now().toISOString();
  const lease = new Date(c.clock.now().getTime() + leaseMs).toISOString();
  const due = (eb: ExpressionBuilder<Tables, 'outbox_deliveries'>) =>
    eb.or([eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)])]);
  const candidate = await c.database.db.selectFrom('outbox_deliveries').select('id').where(due).orderBy('next_attempt_at').limit(1).executeTakeFirst();
  if (!candidate) return undefined;
  // The condition is checked again as the row is taken: of two workers, one gets it.
  const taken = await c.database.db
    .updateTable('outbox_deliveries')
    .set({ status: 'sending', lease_until: lease, attempts: sql`attempts + 1` })
    .where('id', '=', candidate.id)
    .where(due)
    .returningAll()
    .executeTakeFirst();
  return taken ?? claim(c, leaseMs);
}

async function attempt(c: Concord, row: DeliveryRow, transports: Transports, options: DeliveryOptions): Promise<boolean> {
  const at = c.clock.now().toISOString();
  try {
    await send(c, row, transports, options.publicUrl);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const maxAttempts = options.maxAttempts ?? 12;
    const delay = Math.min((options.backoffMs ?? 30_000) * 2 ** (row.attempts - 1), 6 * 3_600_000);
    await c.database.db.insertInto('outbox_attempts').values({ delivery_id: row.id, attempt: row.attempts, at, outcome: 'failed', detail }).onConflict((oc) => oc.columns(['delivery_id', 'attempt']).doNothing()).execute();
    // Only while the row is still ours: another worker may have taken it over and delivered it.
    await c.database.db
      .updateTable('outbox_deliveries')
      .set({ status: row.attempts >= maxAttempts ? 'failed' : 'pending', next_attempt_at: new Date(c.clock.now().getTime() + delay).toISOString(), lease_until: null, last_error: detail })
      .where('id', '=', row.id)
      .where('status', '=', 'sending')
      .where('attempts', '=', row.attempts)
      .execute();
    return false;
  }
  await c.database.db.insertInto('outbox_attempts').values({ delivery_id: row.id, attempt: row.attempts, at, outcome: 'delivered', detail: null }).onConflict((oc) => oc.columns(['delivery_id', 'attempt']).doNothing()).execute();
  const delivered: NotificationDelivered = { deliveryId: row.id, notificationId: row.notification_id, channel: row.channel };
  // Keyed by the delivery, with nothing attempt-specific in it: recorded once, however many
  // workers reach this point, and a second one gets the first record back.
  await c.append([{ streamId: notificationStream(row.notification_id), expectedVersion: 'any', events: [{ type: 'NotificationDelivered', validAt: at, data: delivered }] }], { actor: 'concord:outbox', idempotencyKey: `delivery:${row.id}` });
  return true;
}

async function send(c: Concord, row: DeliveryRow, transports: Transports, publicUrl: string): Promise<void> {
  const message = await compose(c, row, publicUrl);
  if (row.channel === 'email') {
    if (!transports.email) throw new Error('no mail route is configured (CONCORD_SMTP_URL or CONCORD_MAIL_DIR)');
    await transports.email({ to: row.address, subject: message.subject, text: message.text, messageId: `<${row.id}@concord>` });
    return;
  }
  if (!transports.webhook) throw new Error('webhooks are not enabled');
  const body = JSON.stringify(message.payload);
  const timestamp = Math.floor(c.clock.now().getTime() / 1000).toString();
  const secret = await webhookSecretOf(c, row.state);
  if (secret === undefined) throw new Error(`no webhook signing secret for ${row.state}; set one with "concord contact set --webhook-secret"`);
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  await transports.webhook(row.address, body, { 'idempotency-key': row.id, 'x-concord-timestamp': timestamp, 'x-concord-signature': `sha256=${signature}` });
}

const WORDS = {
  en: { adopted: 'adopted', rejected: 'not adopted', contested: 'adopted, contested', pending: 'pending', subject: 'Decision', outcome: 'Outcome', bound: 'Binds', notBound: 'Does not bind', ack: 'Please acknowledge receipt', checkpoint: "The ledger's checkpoint, signed by the organization (keep it to check the record later)" },
  ru: { adopted: 'принято', rejected: 'не принято', contested: 'принято, оспаривается', pending: 'не завершено', subject: 'Решение', outcome: 'Итог', bound: 'Обязательно для', notBound: 'Не обязательно для', ack: 'Просим подтвердить получение', checkpoint: 'Контрольная точка журнала, подписанная организацией (сохраните её, чтобы впоследствии проверить запись)' },
} as const;

async function compose(c: Concord, row: DeliveryRow, publicUrl: string): Promise<{ subject: string; text: string; payload: unknown }> {
  const decision = await decisionState(c, row.decision_id);
  const result = decision?.result;
  if (!decision || !result) throw new Error(`decision ${row.decision_id} is not closed`);
  const language = row.language === 'ru' ? 'ru' : 'en';
  const w = WORDS[language];
  const title = language === 'ru' ? decision.title.ru : decision.title.en;
  const link = `${publicUrl.replace(/\/$/, '')}/ack/${await ackToken(c, row.decision_id, row.state)}`;
  const checkpoint = await checkpointNow(c);
  const names = (states: readonly string[]) => states.map((s) => memberName(c.pack, s, language)).join(', ') || '—';
  const subject = `[${c.pack.organization.abbreviation[language] ?? c.pack.organization.abbreviation.en}] ${w.subject}: ${title} — ${w[result.outcome]}`;
  const text = [
    title,
    '',
    `${w.outcome}: ${w[result.outcome]} (${result.reason})`,
    `${w.bound}: ${names(result.bound)}`,
    `${w.notBound}: ${names(result.notBound)}`,
    '',
    // Decisions recorded before the findings were kept in Russian have them in English only.
    ...result.trace.map((t) => `· ${language === 'ru' ? (t.findingRu ?? t.finding) : t.finding} [${t.cites.join(', ')}]`),
    '',
    `${w.ack}: ${link}`,
    '',
    // The member keeps this: with it, any later rewrite of the ledger before it can be shown.
    `${w.checkpoint}:`,
    JSON.stringify(checkpoint),
  ].join('\n');
  const payload = { notification: row.notification_id, decision: row.decision_id, state: row.state, title: decision.title, outcome: result, acknowledge: link, checkpoint };
  return { subject, text, payload };
}
