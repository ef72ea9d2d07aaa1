/**
 * `--idempotency-key` on the command line: the key is bound to the request it was first sent
 * with, so that the same command again records nothing more, and another command under the same
 * key is refused rather than answered with what the first one recorded.
 */
import { keyedActor, type Concord } from '../app/index.js';
import { refuse } from './io.js';

/** Options that say how a command prints or where the database is, not what it does. */
const NOT_THE_REQUEST = new Set(['idempotencyKey', 'json', 'data', 'framework']);

export async function underKey<F extends object>(c: Concord, command: string, flags: F, positional: readonly string[], run: (flags: F) => Promise<number>): Promise<number> {
  const given = flags as Record<string, unknown>;
  const key = given.idempotencyKey;
  if (typeof key !== 'string') return run(flags);
  const options = Object.fromEntries(Object.entries(given).filter(([name]) => !NOT_THE_REQUEST.has(name)));
  const actor = typeof given.actor === 'string' ? given.actor : 'cli';
  const keyed = await keyedActor(c, { actor, idempotencyKey: key }, { command, args: positional, options }, command);
  if (!keyed.ok) return refuse(command, `--idempotency-key: ${keyed.refusal.message}`);
  return run({ ...flags, idempotencyKey: keyed.value.idempotencyKey });
}
