/**
 * A ledger entry and its hash: SHA-256 over the RFC 8785 canonical JSON of the entry's fields and
 * the previous entry's hash, so that changing any byte of any entry breaks every hash after it.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { LedgerEntry } from './record.js';

export const GENESIS_HASH = '0'.repeat(64);

export type { LedgerEntry } from './record.js';

export type UnsealedEntry = Omit<LedgerEntry, 'hash'>;

export function hashEntry(entry: UnsealedEntry): string {
  const canonical = canonicalize({
    seq: entry.seq,
    streamId: entry.streamId,
    streamVersion: entry.streamVersion,
    type: entry.type,
    data: entry.data,
    validAt: entry.validAt,
    recordedAt: entry.recordedAt,
    actor: entry.actor,
    idempotencyKey: entry.idempotencyKey,
    reconstructed: entry.reconstructed,
    prevHash: entry.prevHash,
  });
  if (canonical === undefined) throw new Error(`entry ${entry.seq} cannot be encoded`);
  return createHash('sha256').update(canonical).digest('hex');
}

export function seal(entry: UnsealedEntry): LedgerEntry {
  return { ...entry, hash: hashEntry(entry) };
}

/**
 * When an entry became known to the secretariat: its recording instant, or for history
 * reconstructed from a pack, the date of the act itself.
 */
export function knownFrom(entry: Pick<LedgerEntry, 'reconstructed' | 'validAt' | 'recordedAt'>): string {
  return entry.reconstructed ? entry.validAt : entry.recordedAt;
}
