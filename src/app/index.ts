import { openConcord, type Concord, type OpenOptions } from './concord.js';
import { fireDueTimers } from './timers.js';

export { ConcordError, latestToday, openConcord, systemClock, SETUP_ACTOR, type Clock, type Concord, type OpenOptions } from './concord.js';
export * from './registry.js';
export { AUDIT_LOG_SIZE, refusedReads, type RefusedRead } from './audit.js';
export { appendAll, foldStream, handle, keyedActor, keyOfRequest, refuse, requestFingerprint, type Actor, type Outcome, type Refusal } from './command.js';
export { loadPack, shippedPackIds, SHIPPED_PACKS } from './packs.js';
export { fireDueTimers, repeatEvery, scheduleTimers, TIMER_ACTOR, type Repeating } from './timers.js';
export * from './decisions.js';
export * from './sessions.js';
export * from './contacts.js';
export * from './outbox.js';
export { ackToken } from './tokens.js';

/** Opens Concord and closes every notice period that ran out while it was stopped. */
export async function startConcord(options: OpenOptions): Promise<Concord> {
  const concord = await openConcord(options);
  await fireDueTimers(concord);
  return concord;
}
export * from './accounts.js';
export * from './api-tokens.js';
export * from './sign-in.js';
export * as desk from './desk/index.js';
