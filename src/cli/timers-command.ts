/**
 * `concord timers`: fire the deadlines that are due and list those pending.
 */
import { fireDueTimers, type Concord } from '../app/index.js';
import { EXIT_OK } from './io.js';

export async function runTimers(c: Concord): Promise<number> {
  const fired = await fireDueTimers(c);
  const pending = await c.database.db.selectFrom('projection_timers').selectAll().where('fired_seq', 'is', null).orderBy('due_at').execute();
  process.stdout.write(`${fired} timer${fired === 1 ? '' : 's'} fired now; ${pending.length} pending${pending.map((t) => `\n  ${t.due_at}  ${t.kind}  ${t.stream_id}`).join('')}\n`);
  return EXIT_OK;
}
