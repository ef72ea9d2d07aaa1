/**
 * The organization's proof of its ledger, for this instance: its signer, loaded once, and the
 * checkpoints and proofs it signs. Signing finds the ledger no longer extending what was signed
 * (a rewrite while the server runs): whoever watches this instance hears of it at once.
 */
import type { Disagreement } from '../ledger/anchor.js';
import { currentCheckpoint, issueCheckpoint, LedgerDisagrees, proveConsistency, proveInclusion, type Checkpoint, type ConsistencyAnswer, type InclusionProof } from '../ledger/checkpoints.js';
import { loadSigner, type Signer } from '../ledger/signing.js';
import type { Concord } from './concord.js';
import { repeatEvery, type Repeating } from './timers.js';

const signers = new WeakMap<Concord, Signer>();

/** The signing key, generated in the keys folder at first use when CONCORD_SIGNING_KEY names none. */
export function organizationSigner(c: Concord): Signer {
  let signer = signers.get(c);
  if (!signer) {
    signer = loadSigner(c.keysDir, true);
    signers.set(c, signer);
  }
  return signer;
}

const watchers = new WeakMap<Concord, Set<(found: Disagreement) => void>>();

/** Calls `onFound` when signing finds the ledger rewritten; returns how to stop. */
export function watchDisagreements(c: Concord, onFound: (found: Disagreement) => void): () => void {
  const set = watchers.get(c) ?? new Set();
  watchers.set(c, set);
  set.add(onFound);
  return () => set.delete(onFound);
}

async function signing<T>(c: Concord, work: (signer: Signer, now: string) => Promise<T>): Promise<T> {
  try {
    return await work(organizationSigner(c), c.clock.now().toISOString());
  } catch (error) {
    if (error instanceof LedgerDisagrees) notify(c, error.disagreement);
    throw error;
  }
}

function notify(c: Concord, found: Disagreement): void {
  for (const onFound of watchers.get(c) ?? []) onFound(found);
}

/** A new checkpoint, whether or not the ledger moved since the last one. */
export function signCheckpoint(c: Concord): Promise<Checkpoint> {
  return signing(c, (signer, now) => issueCheckpoint(c.database, signer, now, c.keysDir));
}

/** The ledger as it stands, signed: the last checkpoint if nothing was appended since. */
export function checkpointNow(c: Concord): Promise<Checkpoint> {
  return signing(c, (signer, now) => currentCheckpoint(c.database, signer, now, c.keysDir));
}

export function inclusionProof(c: Concord, seq: number): Promise<InclusionProof | undefined> {
  return signing(c, (signer, now) => proveInclusion(c.database, signer, seq, now, c.keysDir));
}

export async function consistencyProof(c: Concord, held: unknown): Promise<ConsistencyAnswer> {
  const answer = await signing(c, (signer, now) => proveConsistency(c.database, signer, held, now, c.keysDir));
  if (!answer.ok && answer.disagreement) notify(c, answer.disagreement);
  return answer;
}

/** A checkpoint on a schedule (daily by default), so that members hold a recent one even in quiet times. */
export function scheduleCheckpoints(c: Concord, options: { intervalMs?: number; onError?: (error: unknown) => void } = {}): Repeating {
  return repeatEvery(options.intervalMs ?? DAY_MS, () => checkpointNow(c), options.onError);
}

const DAY_MS = 24 * 3_600_000;
