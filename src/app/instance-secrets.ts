/**
 * Secrets of the instance, not of its ledger, kept beside the organization's signing key and
 * never in the database: an export is public, and whoever can write the database must not be able
 * to mint what they protect.
 *
 * - The acknowledgement links' secret: a database loaded from an export must still honour the
 *   links sent before. In the file named by CONCORD_ACK_KEY, else keys/ack-links.key, made at
 *   first use (from the secret the database kept before there was a file, so that older links
 *   keep working).
 * - The sign-ins' key: a session's id is kept as its HMAC under it, so a row inserted into
 *   `sign_ins` by someone holding only the database signs no one in. keys/sign-ins.key.
 *
 * Moving an instance moves these files with the export; several servers on one PostgreSQL share
 * them as they share the signing key.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createOnce } from '../ledger/key-files.js';
import { storageFailure } from '../store/store-error.js';
import { join } from 'node:path';
import type { Concord } from './concord.js';

export const ACK_KEY_FILE = 'ack-links.key';
export const SIGN_IN_KEY_FILE = 'sign-ins.key';
const SECRET_BYTES = 32;
/** Where the database kept the secret before it had a file of its own. */
const DATABASE_KEY = 'ack-links';

const cached = new WeakMap<Concord, Map<string, Promise<Buffer>>>();

/** Each secret read once per instance; a failure (an unreadable keys folder) is not kept, and the next use tries again. */
function once(c: Concord, name: string, load: () => Promise<Buffer>): Promise<Buffer> {
  const secrets = cached.get(c) ?? new Map<string, Promise<Buffer>>();
  cached.set(c, secrets);
  let secret = secrets.get(name);
  if (!secret) {
    secret = load();
    void secret.catch(() => secrets.delete(name));
    secrets.set(name, secret);
  }
  return secret;
}

export function ackSecret(c: Concord): Promise<Buffer> {
  return once(c, ACK_KEY_FILE, async () => {
    const named = process.env.CONCORD_ACK_KEY;
    if (named) return readSecret(named, 'CONCORD_ACK_KEY');
    const secret = await keptSecret(c, ACK_KEY_FILE, 'the acknowledgement key', () => keptInDatabase(c));
    // Moved out of the database for good: whoever holds the database must not forge links.
    await c.database.db.deleteFrom('app_secrets').where('key', '=', DATABASE_KEY).execute();
    return secret;
  });
}

/** The sign-ins' key. */
export function signInKey(c: Concord): Promise<Buffer> {
  return once(c, SIGN_IN_KEY_FILE, () => keptSecret(c, SIGN_IN_KEY_FILE, 'the sign-ins key', () => Promise.resolve(undefined)));
}

/** The secret in keys/`name`, made at first use from `initial` or at random. */
async function keptSecret(c: Concord, name: string, what: string, initial: () => Promise<Buffer | undefined>): Promise<Buffer> {
  const file = join(c.keysDir, name);
  if (existsSync(file)) return readSecret(file, what);
  const secret = (await initial()) ?? randomBytes(SECRET_BYTES);
  try {
    createOnce(file, `${secret.toString('hex')}\n`);
  } catch (error) {
    throw storageFailure(error, file) ?? new Error(`cannot write ${what} to ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  return readSecret(file, what);
}

function readSecret(file: string, what: string): Buffer {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new Error(`cannot read ${what} ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  if (!/^(?:[0-9a-f]{2})+$/i.test(text) || text.length < SECRET_BYTES * 2) throw new Error(`${file} must hold a secret of at least ${SECRET_BYTES} bytes in hexadecimal`);
  return Buffer.from(text, 'hex');
}

async function keptInDatabase(c: Concord): Promise<Buffer | undefined> {
  const row = await c.database.db.selectFrom('app_secrets').select('value').where('key', '=', DATABASE_KEY).executeTakeFirst();
  return row ? Buffer.from(row.value, 'hex') : undefined;
}
