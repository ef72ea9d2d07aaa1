/**
 * Appending to the ledger: expected stream versions, idempotency keys, one global hash chain,
 * and the read models updated in the same transaction, so nothing is ever half-written.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import type { Tables } from '../store/schema.js';
import { GENESIS_HASH, seal, type LedgerEntry } from './entry.js';
import { fromRow, toRow } from './rows.js';

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

const INSERT_CHUNK = 400;

export async function appendToLedger(database: Database, requests: readonly StreamAppend[], options: AppendOptions, project: Projector): Promise<AppendResult> {
  const requestHash = options.idempotencyKey === undefined ? '' : hashRequest(requests);
  try {
    return await database.writeTransaction(async (trx) => {
      if (options.idempotencyKey !== undefined) {
        const seen = await trx.selectFrom('ledger_idempotency').selectAll().where('key', '=', options.idempotencyKey).executeTakeFirst();
        if (seen) {
          if (seen.request_hash !== requestHash) throw new Refused({ ok: false, code: 'idempotency-key-reused', key: options.idempotencyKey });
          const rows = await trx.selectFrom('ledger_entries').selectAll().where('seq', '>=', seen.first_seq).where('seq', '<=', seen.last_seq).orderBy('seq').execute();
          return { ok: true, entries: rows.map((r) => fromRow(r, database.dialect)), replayed: true } as const;
        }
      }
      const head = await trx.selectFrom('ledger_entries').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      let seq = head?.seq ?? 0;
      let prevHash = head?.hash ?? GENESIS_HASH;
      const entries: LedgerEntry[] = [];
      for (const request of requests) {
        const current = await streamVersion(trx, request.streamId);
        if (request.expectedVersion !== 'any' && request.expectedVersion !== current) {
          throw new Refused({ ok: false, code: 'conflict', streamId: request.streamId, expected: request.expectedVersion, actual: current });
        }
        let version = current;
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
      for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
        await trx.insertInto('ledger_entries').values(entries.slice(i, i + INSERT_CHUNK).map(toRow)).execute();
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

export async function streamVersion(db: Kysely<Tables>, streamId: string): Promise<number> {
  const row = await db.selectFrom('ledger_entries').select((eb) => eb.fn.max('stream_version').as('version')).where('stream_id', '=', streamId).executeTakeFirst();
  return row?.version ?? 0;
}

function hashRequest(requests: readonly StreamAppend[]): string {
  return createHash('sha256').update(canonicalize(requests) ?? '').digest('hex');
}
