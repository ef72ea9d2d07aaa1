/**
 * Writing entries under the chain's head lock. Generic: check the expected stream versions, insert
 * the rows, move the head. On PostgreSQL a single statement does all three for a normal command
 * (the round trips to the server are what an append costs there).
 */
import { sql, type Kysely } from 'kysely';
import type { LedgerEntryRow, LedgerTreeRow, Tables } from './schema.js';

export interface LedgerHead {
  readonly seq: number;
  readonly hash: string;
  /** The Merkle tree's frontier at `seq` (see src/ledger/tree.ts). */
  readonly frontier: string;
}

/** A stream whose version must still be `expected` when the rows go in. */
export interface VersionGuard {
  readonly streamId: string;
  readonly expected: number;
}

const CHUNK = 400;

export async function streamVersions(trx: Kysely<Tables>, streamIds: readonly string[]): Promise<Map<string, number>> {
  const versions = new Map(streamIds.map((id) => [id, 0]));
  if (streamIds.length === 0) return versions;
  const rows = await trx
    .selectFrom('ledger_entries')
    .select(['stream_id', (eb) => eb.fn.max('stream_version').as('version')])
    .where('stream_id', 'in', [...streamIds])
    .groupBy('stream_id')
    .execute();
  for (const row of rows) versions.set(row.stream_id, row.version);
  return versions;
}

/** Inserts the rows and the tree's new subtrees and moves the head, unless a guard fails; returns whether it wrote. */
export async function insertGuarded(trx: Kysely<Tables>, rows: readonly LedgerEntryRow[], guards: readonly VersionGuard[], head: LedgerHead, nodes: readonly LedgerTreeRow[]): Promise<boolean> {
  if (guards.length > 0) {
    const versions = await streamVersions(trx, guards.map((g) => g.streamId));
    if (guards.some((g) => versions.get(g.streamId) !== g.expected)) return false;
  }
  for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('ledger_entries').values(rows.slice(i, i + CHUNK)).execute();
  if (nodes.length > 0) await insertTreeNodes(trx, nodes);
  await trx.updateTable('ledger_head').set({ seq: head.seq, hash: head.hash, frontier: head.frontier }).where('id', '=', 1).execute();
  return true;
}

export async function insertTreeNodes(trx: Kysely<Tables>, nodes: readonly LedgerTreeRow[]): Promise<void> {
  for (let i = 0; i < nodes.length; i += CHUNK) await trx.insertInto('ledger_tree').values(nodes.slice(i, i + CHUNK)).execute();
}

/**
 * PostgreSQL: guards, entries, tree and head in one call of the server-side function
 * `concord_append` (migration 008), whose plans the server keeps; an append then costs one round
 * trip here.
 */
export async function insertGuardedPostgres(trx: Kysely<Tables>, rows: readonly LedgerEntryRow[], guards: readonly VersionGuard[], head: LedgerHead, nodes: readonly LedgerTreeRow[]): Promise<boolean> {
  const entries = rows.map((r) => ({ ...r, data: JSON.parse(String(r.data)) as unknown }));
  const result = await sql<{ ok: boolean }>`select concord_append(${JSON.stringify(entries)}::jsonb, ${JSON.stringify(guards.map((g) => ({ stream_id: g.streamId, expected: g.expected })))}::jsonb, ${head.seq}::bigint, ${head.hash}, ${head.frontier}, ${JSON.stringify(nodes)}::jsonb) as ok`.execute(trx);
  return result.rows[0]?.ok === true;
}
