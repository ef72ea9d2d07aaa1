/**
 * The ledger's proofs as they go over the wire: checkpoints, and the proofs of inclusion and of
 * consistency a member checks with the organization's public key alone.
 */
import { Type, type Static } from '@sinclair/typebox';
import { LedgerEntry } from './schemas.js';

const Hash = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256, hexadecimal' });

export const Checkpoint = Type.Object(
  {
    size: Type.Integer({ minimum: 0, description: 'entries covered' }),
    root: Hash,
    signedAt: Type.String({ description: 'when the organization signed it' }),
    keyId: Type.String({ pattern: '^[0-9a-f]{16}$', description: 'first 16 hex digits of SHA-256 over the public key (SPKI DER)' }),
    signature: Type.String({ description: 'Ed25519 over the checkpoint message (docs/ledger-proofs.md), base64' }),
  },
  { additionalProperties: false, description: 'A signed tree head: the ledger had `size` entries with this Merkle root (RFC 9162 §2.1)' },
);
export type Checkpoint = Static<typeof Checkpoint>;

export const SignedCheckpoint = Type.Object({ checkpoint: Checkpoint, publicKey: Type.String({ description: "the organization's Ed25519 public key, SPKI PEM" }) });
export type SignedCheckpoint = Static<typeof SignedCheckpoint>;

export const CheckpointList = Type.Object({ checkpoints: Type.Array(Checkpoint) });

export const ConsistencyProof = Type.Object({
  format: Type.Literal('concord-consistency/v1'),
  from: Checkpoint,
  path: Type.Array(Hash, { description: 'PROOF(from.size, D[to.size]), RFC 9162 §2.1.4.1' }),
  to: Checkpoint,
  publicKey: Type.String(),
});
export type ConsistencyProof = Static<typeof ConsistencyProof>;

export const InclusionProof = Type.Object({
  format: Type.Literal('concord-inclusion/v1'),
  seq: Type.Integer(),
  leafIndex: Type.Integer(),
  entryHash: Hash,
  leafHash: Hash,
  path: Type.Array(Hash, { description: 'PATH(leafIndex, D[checkpoint.size]), RFC 9162 §2.1.3.1' }),
  checkpoint: Checkpoint,
  publicKey: Type.String(),
  entry: Type.Optional(LedgerEntry),
  redacted: Type.Optional(Type.Literal(true, { description: 'the reader sees the entry only in part: the proof is of its hash alone' })),
});
export type InclusionProof = Static<typeof InclusionProof>;
