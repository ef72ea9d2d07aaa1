/**
 * Appending to the ledger: expected stream versions, idempotency keys, one global hash chain and
 * its Merkle tree, and the read models updated in the same transaction, so nothing is ever
 * half-written.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import { streamVersions } from '../store/ledger-writes.js';
import type { Tables } from '../store/schema.js';
import { seal, type LedgerEntry } from './entry.js';
import { readSpan } from './read.js';
import { toRow } from './rows.js';
import { IMPORTED_REQUEST } from './transfer.js';
import { growTree } from './tree.js';

export interface NewEvent {
  readonly type: string;
  readonly data: unknown;
  readonly validAt: string;
  readonly reconstructed?: boolean;
}

export interface StreamAppend {
  readonly streamId: string;
  /** The stream's version the writer last saw (0: the stream must not exist yet), or 'any'. */
  readonly expectedVersion: number | 'any';
  readonly events: readonly NewEvent[];
}

export interface AppendOptions {
  readonly actor: string;
  readonly recordedAt: string;
  /** The same key sent again records nothing and returns the first result. */
  readonly idempotencyKey?: string | undefined;
}

export type AppendResult =
  | { readonly ok: true; readonly entries: readonly LedgerEntry[]; readonly replayed: boolean }
  | { readonly ok: false; readonly code: 'conflict'; readonly streamId: string; readonly expected: number; readonly actual: number }
  | { readonly ok: false; readonly code: 'idempotency-key-reused'; readonly key: string };

/** Called inside the append's transaction with the new entries, to update the read models. */
export type Projector = (trx: Kysely<Tables>, entries: readonly LedgerEntry[], database: Database) => Promise<void>;

/** Thrown inside the transaction to roll it back; caught below and returned as a value. */
class Refused extends Error {
  constructor(readonly result: Extract<AppendResult, { ok: false }>) {
    super(result.code);
  }
}

export async function appendToLedger(database: Database, requests: readonly StreamAppend[], options: AppendOptions, project: Projector): Promise<AppendResult> {
  const requestHash = options.idempotencyKey === undefined ? '' : hashRequest(requests);
  try {
    return await database.writeTransaction(async (trx, head) => {
      if (options.idempotencyKey !== undefined) {
        const seen = await trx.selectFrom('ledger_idempotency').selectAll().where('key', '=', options.idempotencyKey).executeTakeFirst();
        if (seen) {
          if (seen.request_hash !== requestHash && seen.request_hash !== IMPORTED_REQUEST) throw new Refused({ ok: false, code: 'idempotency-key-reused', key: options.idempotencyKey });
          return { ok: true, entries: await readSpan(database, seen.first_seq, seen.last_seq, trx), replayed: true } as const;
        }
      }
      let seq = head.seq;
      let prevHash = head.hash;
      // Versions are read only for streams appended to without an expectation; the others are
      // checked as the rows go in.
      const unknown = await streamVersions(trx, requests.filter((r) => r.expectedVersion === 'any').map((r) => r.streamId));
      const entries: LedgerEntry[] = [];
      for (const request of requests) {
        let version = request.expectedVersion === 'any' ? (unknown.get(request.streamId) ?? 0) : request.expectedVersion;
        for (const event of request.events) {
          const entry = seal({
            seq: ++seq,
            streamId: request.streamId,
            streamVersion: ++version,
            type: event.type,
            data: event.data,
            validAt: event.validAt,
            recordedAt: options.recordedAt,
            actor: options.actor,
            idempotencyKey: options.idempotencyKey ?? null,
            reconstructed: event.reconstructed ?? false,
            prevHash,
          });
          prevHash = entry.hash;
          entries.push(entry);
        }
      }
      const guards = requests.flatMap((r) => (r.expectedVersion === 'any' ? [] : [{ streamId: r.streamId, expected: r.expectedVersion }]));
      const tree = growTree(head.seq, head.frontier, entries.map((e) => e.hash));
      if (!(await database.insertEntries(trx, entries.map(toRow), guards, { seq, hash: prevHash, frontier: tree.frontier }, tree.nodes))) {
        const actual = await streamVersions(trx, guards.map((g) => g.streamId));
        const stale = guards.find((g) => actual.get(g.streamId) !== g.expected) ?? guards[0];
        throw new Refused({ ok: false, code: 'conflict', streamId: stale?.streamId ?? '', expected: stale?.expected ?? 0, actual: actual.get(stale?.streamId ?? '') ?? 0 });
      }
      const first = entries[0];
      const last = entries.at(-1);
      if (options.idempotencyKey !== undefined && first && last) {
        await trx.insertInto('ledger_idempotency').values({ key: options.idempotencyKey, request_hash: requestHash, first_seq: first.seq, last_seq: last.seq }).execute();
      }
      await project(trx, entries, database);
      return { ok: true, entries, replayed: false } as const;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

function hashRequest(requests: readonly StreamAppend[]): string {
  return createHash('sha256').update(canonicalize(requests) ?? '').digest('hex');
}
