/**
 * Acknowledgement links: a token names the notification and carries an HMAC under the
 * instance's secret, so nothing needs storing per link and a forged one is told apart. It is
 * single-use because an acknowledgement is recorded once per notification.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ackSecret } from './instance-secrets.js';
import type { Concord } from './concord.js';

function mac(secret: Buffer, subject: string): Buffer {
  return createHmac('sha256', secret).update(`ack:${subject}`).digest();
}

function tokenFor(secret: Buffer, subject: string): string {
  return `${Buffer.from(subject).toString('base64url')}.${mac(secret, subject).toString('base64url')}`;
}

export async function ackToken(c: Concord, decisionId: string, state: string): Promise<string> {
  return tokenFor(await ackSecret(c), `${decisionId}:${state}`);
}

export async function readAckToken(c: Concord, token: string): Promise<{ decisionId: string; state: string } | undefined> {
  const [encoded = ''] = token.split('.', 1);
  const subject = Buffer.from(encoded, 'base64url').toString();
  const match = /^(.+):([A-Z]{3})$/.exec(subject);
  if (!match) return undefined;
  // The token as issued, to the last character: base64url decoding passes over padding, stray
  // characters and a part after the signature, so a signature that merely decodes right is not enough.
  const issued = Buffer.from(tokenFor(await ackSecret(c), subject));
  const given = Buffer.from(token);
  if (given.length !== issued.length || !timingSafeEqual(given, issued)) return undefined;
  return { decisionId: match[1] ?? '', state: match[2] ?? '' };
}
