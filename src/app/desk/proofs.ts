/**
 * The ledger's proof for whoever is signed in: the organization's latest checkpoint, the check of
 * a checkpoint a member holds, and the proof that an entry the reader may see is in the ledger.
 */
import type { Checkpoint, ConsistencyProof, InclusionProof } from '../../ledger/checkpoints.js';
import { isDeepStrictEqual } from 'node:util';
import { listCheckpoints } from '../../ledger/checkpoints.js';
import { readSpan } from '../../ledger/index.js';
import { composition } from '../composition.js';
import type { Outcome } from '../command.js';
import type { Concord } from '../concord.js';
import { checkpointNow, consistencyProof, inclusionProof, organizationSigner } from '../proof.js';
import { found, guarded, notFound, type Signed } from './guard.js';

export interface SignedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The organization's public key (SPKI PEM), which members pin to check every checkpoint. */
  readonly publicKey: string;
}

export function latestProofCheckpoint(c: Concord, who: Signed): Promise<Outcome<SignedCheckpoint>> {
  return guarded(c, who, 'ledger:checkpoint', async () => found({ checkpoint: await checkpointNow(c), publicKey: organizationSigner(c).publicKey }));
}

export function proofCheckpoints(c: Concord, who: Signed, beforeSize: number | undefined, limit: number): Promise<Outcome<{ checkpoints: Checkpoint[] }>> {
  return guarded(c, who, 'ledger:checkpoint', async () => found({ checkpoints: await listCheckpoints(c.database, organizationSigner(c).publicKey, limit, beforeSize) }));
}

export function checkpointConsistency(c: Concord, who: Signed, held: unknown): Promise<Outcome<ConsistencyProof>> {
  return guarded(c, who, 'ledger:checkpoint', async () => {
    const answer = await consistencyProof(c, held);
    if (answer.ok) return found(answer.proof);
    return { ok: false, refusal: { code: answer.code, field: answer.field ? `checkpoint.${answer.field}` : 'checkpoint', message: answer.reason } };
  });
}

/**
 * An entry the reader may not see is not found, whether or not it exists (and nothing is signed
 * for it). One the reader sees only in part is proved by its hash alone: what is withheld from it
 * cannot be handed over to recompute the hash from.
 */
export function entryInclusion(c: Concord, who: Signed, seq: number): Promise<Outcome<InclusionProof>> {
  return guarded(c, who, 'ledger:prove', async () => {
    const { visibility } = await composition();
    const [entry] = await readSpan(c.database, seq, seq);
    if (!entry || !visibility().mayReadEntry(who.principal, entry)) return notFound('seq', `no ledger entry ${seq}`);
    const proof = await inclusionProof(c, seq);
    if (!proof) return notFound('seq', `no ledger entry ${seq}`);
    const shown = visibility().redactFor(who.principal, entry);
    return found(isDeepStrictEqual(shown, entry) ? proof : { ...proof, entry: undefined, redacted: true as const });
  });
}
