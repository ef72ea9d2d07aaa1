/**
 * Acknowledgement links: a token names the notification and carries an HMAC under the
 * deployment's secret, so nothing needs storing per link and a forged one is told apart. It is
 * single-use because an acknowledgement is recorded once per notification.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Concord } from './concord.js';

const cache = new WeakMap<Concord, Promise<Buffer>>();

/** The deployment's secret, made on first use and shared by every process through the database. */
export function deploymentSecret(c: Concord): Promise<Buffer> {
  let secret = cache.get(c);
  if (!secret) {
    secret = (async () => {
      await c.database.db
        .insertInto('app_secrets')
        .values({ key: 'ack-links', value: randomBytes(32).toString('hex') })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const row = await c.database.db.selectFrom('app_secrets').select('value').where('key', '=', 'ack-links').executeTakeFirstOrThrow();
      return Buffer.from(row.value, 'hex');
    })();
    cache.set(c, secret);
  }
  return secret;
}

function mac(secret: Buffer, subject: string): Buffer {
  return createHmac('sha256', secret).update(`ack:${subject}`).digest();
}

export async function ackToken(c: Concord, decisionId: string, state: string): Promise<string> {
  const subject = `${decisionId}:${state}`;
  return `${Buffer.from(subject).toString('base64url')}.${mac(await deploymentSecret(c), subject).toString('base64url')}`;
}

export async function readAckToken(c: Concord, token: string): Promise<{ decisionId: string; state: string } | undefined> {
  const [encoded = '', signature = ''] = token.split('.');
  const subject = Buffer.from(encoded, 'base64url').toString();
  const match = /^(.+):([A-Z]{3})$/.exec(subject);
  if (!match) return undefined;
  const expected = mac(await deploymentSecret(c), subject);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { decisionId: match[1] ?? '', state: match[2] ?? '' };
}
