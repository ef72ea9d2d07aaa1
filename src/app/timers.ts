/**
 * Deadlines that fire on schedule while Concord runs, and on start after downtime. Each firing is
 * a ledger entry of its own (idempotent per timer), so several processes may run a scheduler.
 */
import type { Concord } from './concord.js';
import { fireDueTimers } from './registry.js';

export interface TimerScheduler {
  stop(): Promise<void>;
}

/**
 * Fires what is due now, then checks again every `intervalMs`. Deadlines are days, so a minute's
 * resolution is plenty; the check is one indexed query.
 */
export function scheduleTimers(concord: Concord, options: { intervalMs?: number; onError?: (error: unknown) => void } = {}): TimerScheduler {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = fireDueTimers(concord).catch((error: unknown) => options.onError?.(error));
  };
  tick();
  const handle = setInterval(tick, options.intervalMs ?? 60_000);
  handle.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(handle);
      await running;
    },
  };
}
