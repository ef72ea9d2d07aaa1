/**
 * Deadlines that fire on schedule while Concord runs, and on start after downtime. Each firing is
 * a ledger entry of its own (idempotent per timer), so several processes may run a scheduler.
 */
import { composition } from './composition.js';
import type { Concord } from './concord.js';

export const TIMER_ACTOR = 'concord:timer';

/** Fires every deadline that has passed; safe to call at any time, and on every start. */
export async function fireDueTimers(c: Concord): Promise<number> {
  const now = c.clock.now().toISOString();
  // Withdrawals fall due on a date, procedures at an instant; ISO text orders both correctly.
  const due = await c.database.db.selectFrom('projection_timers').selectAll().where('fired_seq', 'is', null).where('due_at', '<=', now).orderBy('due_at').execute();
  const { timerHandler } = await composition();
  let fired = 0;
  for (const timer of due) {
    // Each kind of deadline is handled by the module that sets it.
    const handler = timerHandler(timer.kind);
    const by = { actor: TIMER_ACTOR, idempotencyKey: `timer:${timer.id}`, quiet: true };
    if (handler && (await handler(c, timer.id, JSON.parse(timer.payload) as Record<string, string>, by))) fired++;
  }
  return fired;
}

export interface Repeating {
  stop(): Promise<void>;
}

/** Runs `work` now and then every `intervalMs`, never two runs at once; `stop` waits for the last. */
export function repeatEvery(intervalMs: number, work: () => Promise<unknown>, onError?: (error: unknown) => void): Repeating {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const tick = () => {
    if (stopped || busy) return;
    busy = true;
    running = work()
      .catch((error: unknown) => onError?.(error))
      .finally(() => {
        busy = false;
      });
  };
  tick();
  const handle = setInterval(tick, intervalMs);
  handle.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(handle);
      await running;
    },
  };
}

/**
 * Fires what is due now, then checks again every `intervalMs`. Deadlines are days or instants
 * set days ahead, so a minute's resolution is plenty; the check is one indexed query.
 */
export function scheduleTimers(concord: Concord, options: { intervalMs?: number; onError?: (error: unknown) => void } = {}): Repeating {
  return repeatEvery(options.intervalMs ?? 60_000, () => fireDueTimers(concord), options.onError);
}
