import { openConcord, type Concord, type OpenOptions } from './concord.js';
import { fireDueTimers } from './registry.js';

export { ConcordError, openConcord, systemClock, SETUP_ACTOR, type Clock, type Concord, type OpenOptions } from './concord.js';
export * from './registry.js';
export { loadPack, shippedPackIds, SHIPPED_PACKS } from './packs.js';
export { scheduleTimers, type TimerScheduler } from './timers.js';

/** Opens Concord and closes every notice period that ran out while it was stopped. */
export async function startConcord(options: OpenOptions): Promise<Concord> {
  const concord = await openConcord(options);
  await fireDueTimers(concord);
  return concord;
}
