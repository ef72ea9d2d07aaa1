/**
 * Points of contact: the competent authority of each member that notifications go to, by e-mail
 * and by webhook, in its language. A webhook's signing secret is kept out of the ledger (exports
 * would carry it) in the database's secrets.
 */
import { randomBytes } from 'node:crypto';
import { ISO_ALPHA3 } from '../core/procedure/index.js';
import { CONTACT_STREAMS } from '../modules/notifications/manifest.js';
import type { ContactPoint } from '../modules/notifications/projections.js';
import type { ContactRow } from '../store/schema.js';
import { appendAll, refuse, type Actor, type Outcome } from './command.js';
import type { Concord } from './concord.js';

export interface ContactInput {
  readonly state: string;
  readonly authority: string;
  readonly email?: string | undefined;
  readonly webhook?: string | undefined;
  readonly language: string;
  /** The webhook's HMAC key; one is generated when a webhook is given without it. */
  readonly webhookSecret?: string | undefined;
}

export async function setContactPoint(c: Concord, input: ContactInput, by: Actor): Promise<Outcome<{ contact: ContactPoint; webhookSecret: string | undefined }>> {
  const problem = contactProblem(input);
  if (problem) return refuse(c, `set contact point of ${input.state}`, { code: 'invalid', ...problem }, by);
  const contact: ContactPoint = { state: input.state, authority: input.authority, email: input.email ?? null, webhook: input.webhook ?? null, language: input.language as 'en' | 'ru' };
  const webhookSecret = input.webhook ? (input.webhookSecret ?? randomBytes(24).toString('base64url')) : undefined;
  const result = await appendAll(c, [{ streamId: `${CONTACT_STREAMS}${input.state}`, expectedVersion: 'any', events: [{ type: 'ContactPointSet', validAt: c.today(), data: contact }] }], by, { contact, webhookSecret }, 'set contact point');
  if (result.ok && webhookSecret) {
    await c.database.db
      .insertInto('app_secrets')
      .values({ key: `webhook:${input.state}`, value: webhookSecret })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: webhookSecret }))
      .execute();
  }
  return result;
}

export async function webhookSecretOf(c: Concord, state: string): Promise<string | undefined> {
  return (await c.database.db.selectFrom('app_secrets').select('value').where('key', '=', `webhook:${state}`).executeTakeFirst())?.value;
}

export async function contactPoints(c: Concord): Promise<ContactRow[]> {
  return c.database.db.selectFrom('projection_contacts').selectAll().orderBy('state').execute();
}

function contactProblem(input: ContactInput): { field: string; message: string } | undefined {
  if (!ISO_ALPHA3.has(input.state)) return { field: 'state', message: `"${input.state}" is not an ISO 3166-1 alpha-3 code` };
  if (input.authority.trim() === '') return { field: 'authority', message: 'is required' };
  if (input.language !== 'en' && input.language !== 'ru') return { field: 'language', message: 'expected en or ru' };
  if (!input.email && !input.webhook) return { field: 'email', message: 'give an e-mail address, a webhook URL, or both' };
  if (input.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(input.email)) return { field: 'email', message: `"${input.email}" is not an e-mail address` };
  if (input.webhook !== undefined) {
    try {
      const url = new URL(input.webhook);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return { field: 'webhook', message: 'must be an http(s) URL' };
    } catch {
      return { field: 'webhook', message: `"${input.webhook}" is not a URL` };
    }
  }
  return undefined;
}
