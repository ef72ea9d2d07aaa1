/**
 * The audit log of refused reads. A refused command stays on record in the ledger for good; a
 * refused read changed nothing, and a reader who asks again and again must not make the ledger
 * grow without end. So the last AUDIT_LOG_SIZE refused reads are kept here, outside the ledger
 * and its proof, and the oldest are dropped as new ones come.
 */
import type { Actor, Refusal } from './command.js';
import type { Concord } from './concord.js';

export const AUDIT_LOG_SIZE = 10_000;

export interface RefusedRead {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  /** The action refused (`ledger:verify`, `correspondence:read`). */
  readonly action: string;
  readonly code: string;
  readonly field: string;
  readonly message: string;
}

/** Keeps the refused read, trimming the log to its last rows; never fails the caller. */
export async function recordRefusedRead(c: Concord, action: string, refusal: Refusal, by: Actor): Promise<void> {
  if (by.quiet) return;
  const db = c.database.db;
  try {
    const { id } = await db
      .insertInto('audit_refused_reads')
      .values({ at: c.clock.now().toISOString(), actor: by.actor, action, code: refusal.code, field: refusal.field, message: refusal.message })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.deleteFrom('audit_refused_reads').where('id', '<=', id - AUDIT_LOG_SIZE).execute();
  } catch {
    // The refusal stands even if it could not be kept (e.g. the database is read-only).
  }
}

/** Up to `limit` refused reads before the id `before` (default: the newest), newest first. */
export async function refusedReads(c: Concord, limit: number, before?: number): Promise<RefusedRead[]> {
  let query = c.database.db.selectFrom('audit_refused_reads').selectAll().orderBy('id', 'desc').limit(limit);
  if (before !== undefined) query = query.where('id', '<', before);
  return query.execute();
}
