/**
 * Ledger entries to and from their table rows.
 */
import type { Dialect } from '../store/dialect.js';
import type { LedgerEntryRow } from '../store/schema.js';
import type { LedgerEntry } from './entry.js';

export function toRow(e: LedgerEntry): LedgerEntryRow {
  return {
    seq: e.seq,
    stream_id: e.streamId,
    stream_version: e.streamVersion,
    type: e.type,
    data: JSON.stringify(e.data),
    valid_at: e.validAt,
    recorded_at: e.recordedAt,
    actor: e.actor,
    idempotency_key: e.idempotencyKey,
    reconstructed: e.reconstructed ? 1 : 0,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

export function fromRow(row: LedgerEntryRow, dialect: Dialect): LedgerEntry {
  return {
    seq: row.seq,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    type: row.type,
    data: dialect.decodeJson(row.data),
    validAt: row.valid_at,
    recordedAt: row.recorded_at,
    actor: row.actor,
    idempotencyKey: row.idempotency_key,
    reconstructed: Boolean(row.reconstructed),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
