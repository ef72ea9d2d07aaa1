/**
 * The shapes of a ledger entry and of the chain's check. No imports: the web application reads
 * these types as they are.
 */
export interface LedgerEntry {
  /** Position in the one global chain, from 1, without gaps. */
  readonly seq: number;
  readonly streamId: string;
  /** Position within the stream, from 1. */
  readonly streamVersion: number;
  readonly type: string;
  readonly data: unknown;
  /** When the act took legal effect (a date, or an instant). */
  readonly validAt: string;
  /** When the secretariat entered it (an instant). */
  readonly recordedAt: string;
  readonly actor: string;
  readonly idempotencyKey: string | null;
  /** Loaded from a pack's documented history rather than recorded as it happened. */
  readonly reconstructed: boolean;
  readonly prevHash: string;
  readonly hash: string;
}

/** What checking the chain found: its length and head, or the first entry that fails and why. */
export type ChainCheck =
  | { readonly ok: true; readonly count: number; readonly headHash: string; /** The Merkle tree's root over the entries. */ readonly root: string }
  | { readonly ok: false; readonly count: number; readonly seq: number; readonly streamId: string; readonly reason: string };
