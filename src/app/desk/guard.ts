/**
 * The check every command and every read passes through: the principal's role and, for a
 * delegate, the state the act is for. A refused command is recorded in the ledger like any other,
 * so the secretariat can show who tried what; a refused read goes to the bounded audit log.
 */
import { userActor, type Action, type Principal } from '../../core/access/index.js';
import { composition } from '../composition.js';
import { recordRefusedRead } from '../audit.js';
import { refuse, type Actor, type Outcome, type Refusal } from '../command.js';
import type { Concord } from '../concord.js';

/** Someone signed in (or a system holding a token), with the key of the request if it has one. */
export interface Signed {
  readonly principal: Principal;
  readonly idempotencyKey?: string | undefined;
  /** How the ledger names a system principal's acts (`cli`, `concord:timer`); a person is `user:<name>`. */
  readonly actor?: string | undefined;
}

/**
 * The command line and the timers act as the system, with every permission: whoever runs them
 * holds the database already. The ledger names them by the actor they give.
 */
export function systemPrincipal(actor: string, idempotencyKey?: string): Signed {
  return { principal: { username: actor, role: 'admin', state: null, scopes: ['read', 'write', 'metrics'] }, actor, idempotencyKey };
}

export function actorOf(who: Signed): Actor {
  return { actor: who.actor ?? userActor(who.principal.username), idempotencyKey: who.idempotencyKey };
}

/** Undefined when permitted; otherwise the recorded refusal. */
export async function authorize(c: Concord, who: Signed, action: Action, forState?: string): Promise<Refusal | undefined> {
  const { access } = await composition();
  const permission = access().permits(who.principal, action, forState);
  if (permission.ok) return undefined;
  const refusal: Refusal = { code: 'forbidden', field: forState === undefined ? 'role' : 'state', message: permission.reason };
  if (access().scopeOf(action) === 'write') await refuse(c, action, refusal, actorOf(who));
  else await recordRefusedRead(c, action, refusal, actorOf(who));
  return refusal;
}

/** Runs `work` if the principal may take `action`; the refusal otherwise. */
export async function guarded<T>(c: Concord, who: Signed, action: Action, work: () => Promise<Outcome<T>>, forState?: string): Promise<Outcome<T>> {
  const denied = await authorize(c, who, action, forState);
  return denied ? { ok: false, refusal: denied } : work();
}

export function found<T>(value: T): Outcome<T> {
  return { ok: true, value, entries: [] };
}

export function notFound<T>(field: string, message: string): Outcome<T> {
  return { ok: false, refusal: { code: 'not-found', field, message } };
}
