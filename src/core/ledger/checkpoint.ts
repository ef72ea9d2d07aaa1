/**
 * A checkpoint: the organization's signed statement that its ledger had `size` entries whose
 * Merkle tree had `root`. The signed bytes are a short text anyone can rebuild from the fields, so
 * a member's IT can check a checkpoint with any Ed25519 tool (docs/ledger-proofs.md).
 */

export interface Checkpoint {
  readonly size: number;
  /** The tree's root: 64 hexadecimal digits. */
  readonly root: string;
  readonly signedAt: string;
  /** The first 16 hexadecimal digits of SHA-256 over the public key's DER (SubjectPublicKeyInfo). */
  readonly keyId: string;
  /** Ed25519 over `checkpointMessage`, base64. */
  readonly signature: string;
}

const CHECKPOINT_FORMAT = 'concord-checkpoint/v1';

/** The signed bytes: the format's name and each field on its own line, ending in a newline. */
export function checkpointMessage(checkpoint: Omit<Checkpoint, 'signature'>): string {
  return `${CHECKPOINT_FORMAT}\n${checkpoint.size}\n${checkpoint.root}\n${checkpoint.signedAt}\n${checkpoint.keyId}\n`;
}

const HASH = /^[0-9a-f]{64}$/;
const KEY_ID = /^[0-9a-f]{16}$/;
const BASE64 = /^[A-Za-z0-9+/]{86}==$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/** Reads a checkpoint from parsed JSON, naming the first field that is missing or malformed. */
export function parseCheckpoint(value: unknown): { ok: true; checkpoint: Checkpoint } | { ok: false; field: string; reason: string } {
  // A checkpoint handed on inside a larger answer ({ checkpoint, publicKey }) is read as well; one level only.
  const held = isObject(value) && isObject(value.checkpoint) && value.size === undefined ? value.checkpoint : value;
  if (!isObject(held)) return { ok: false, field: '', reason: 'a checkpoint is a JSON object with size, root, signedAt, keyId and signature' };
  const v = held;
  if (!Number.isSafeInteger(v.size) || (v.size as number) < 0) return { ok: false, field: 'size', reason: 'expected a whole number of entries' };
  if (typeof v.root !== 'string' || !HASH.test(v.root)) return { ok: false, field: 'root', reason: 'expected 64 lower-case hexadecimal digits' };
  if (typeof v.signedAt !== 'string' || !INSTANT.test(v.signedAt) || Number.isNaN(Date.parse(v.signedAt))) return { ok: false, field: 'signedAt', reason: 'expected an instant in UTC, such as 2026-12-06T10:00:00.000Z' };
  if (typeof v.keyId !== 'string' || !KEY_ID.test(v.keyId)) return { ok: false, field: 'keyId', reason: 'expected 16 lower-case hexadecimal digits' };
  if (typeof v.signature !== 'string' || !BASE64.test(v.signature)) return { ok: false, field: 'signature', reason: 'expected an Ed25519 signature in base64 (88 characters)' };
  return { ok: true, checkpoint: { size: v.size as number, root: v.root, signedAt: v.signedAt, keyId: v.keyId, signature: v.signature } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
