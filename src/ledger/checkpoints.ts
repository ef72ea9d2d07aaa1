/**
 * Signing checkpoints, keeping them, and the proofs a member checks against them: that one entry
 * is in the ledger (inclusion) and that today's ledger extends the one a checkpoint signed
 * (consistency). The last checkpoint this instance signed is also kept beside its key, outside
 * the database, as the anchor the server verifies from when it starts.
 */
import { parseCheckpoint, type Checkpoint } from '../core/ledger/checkpoint.js';
import { fromHex, toHex, verifyConsistency, verifyInclusion } from '../core/ledger/merkle.js';
import type { Database } from '../store/database.js';
import type { CheckpointRow } from '../store/schema.js';
import type { LedgerEntry } from './entry.js';
import { readHead, readSpan } from './read.js';
import { extendsAnchor, readAnchor, writeAnchor, type Disagreement } from './anchor.js';
import { signatureHolds, SigningKeyError, type Signer } from './signing.js';
import { consistencyPath, HASHER, inclusionPath, leafHashOf, rootOfFrontier } from './tree.js';

export type { Checkpoint } from '../core/ledger/checkpoint.js';

export interface InclusionProof {
  readonly format: 'concord-inclusion/v1';
  readonly seq: number;
  /** The leaf's index in the tree: seq − 1. */
  readonly leafIndex: number;
  readonly entryHash: string;
  readonly leafHash: string;
  /** PATH(leafIndex, D[checkpoint.size]), bottom up (RFC 9162 §2.1.3.1). */
  readonly path: readonly string[];
  readonly checkpoint: Checkpoint;
  readonly publicKey: string;
  /** The entry itself, when the reader may see it whole: its hash is recomputed from it. */
  readonly entry?: LedgerEntry;
  /** The reader sees the entry only in part: the proof is of its hash alone. */
  readonly redacted?: true;
}

export interface ConsistencyProof {
  readonly format: 'concord-consistency/v1';
  readonly from: Checkpoint;
  /** PROOF(from.size, D[to.size]) (RFC 9162 §2.1.4.1). */
  readonly path: readonly string[];
  readonly to: Checkpoint;
  readonly publicKey: string;
}

/** The ledger in the database does not extend what this instance signed: nothing more is signed. */
export class LedgerDisagrees extends Error {
  constructor(readonly disagreement: Disagreement) {
    super(`the ledger fails verification at entry ${disagreement.seq}: ${disagreement.reason}`);
  }
}

/** Signs the ledger as it stands and keeps the checkpoint, in the database and beside the key. */
export async function issueCheckpoint(database: Database, signer: Signer, signedAt: string, keysDir: string | undefined): Promise<Checkpoint> {
  const head = await readHead(database);
  const size = head?.seq ?? 0;
  return signAndKeep(database, signer, size, rootOfFrontier(size, head?.frontier ?? ''), signedAt, keysDir);
}

/**
 * Signs only a ledger that extends the anchor (else a rewrite made while the server runs would be
 * signed, and the next start would check against the forgery), and only with the key that signed
 * the ledger's checkpoints before (else each folder a command runs in would mint its own
 * "organization key").
 */
async function signAndKeep(database: Database, signer: Signer, size: number, root: string, signedAt: string, keysDir: string | undefined): Promise<Checkpoint> {
  const latest = await latestCheckpoint(database);
  if (latest && latest.keyId !== signer.keyId) {
    throw new SigningKeyError(`this ledger's checkpoints are signed by key ${latest.keyId}, and the key here (${signer.source}) is ${signer.keyId}: set CONCORD_SIGNING_KEY to the organization's key`);
  }
  const anchor = readAnchor(keysDir, database) ?? (latest && signatureHolds(signer.publicKey, latest) ? latest : undefined);
  const disagreement = anchor && (await extendsAnchor(database, anchor, signer.publicKey));
  if (disagreement) throw new LedgerDisagrees(disagreement);
  const checkpoint = signer.sign(size, root, signedAt);
  await database.db.insertInto('ledger_checkpoints').values(toRow(checkpoint)).onConflict((oc) => oc.doNothing()).execute();
  if (keysDir !== undefined) writeAnchor(keysDir, database, checkpoint);
  return checkpoint;
}

/**
 * A checkpoint of the ledger as it stands: the latest one when nothing was appended since it was
 * signed (and its signature holds), so that asking for proofs does not pile up signatures.
 */
export async function currentCheckpoint(database: Database, signer: Signer, signedAt: string, keysDir: string | undefined): Promise<Checkpoint> {
  const [latest, head] = await Promise.all([latestCheckpoint(database), readHead(database)]);
  const size = head?.seq ?? 0;
  const root = rootOfFrontier(size, head?.frontier ?? '');
  if (latest && latest.size === size && latest.root === root && signatureHolds(signer.publicKey, latest)) return latest;
  return signAndKeep(database, signer, size, root, signedAt, keysDir);
}

export async function latestCheckpoint(database: Database): Promise<Checkpoint | undefined> {
  const row = await database.db.selectFrom('ledger_checkpoints').selectAll().orderBy('size', 'desc').orderBy('signed_at', 'desc').limit(1).executeTakeFirst();
  return row && fromRow(row);
}

/** Checkpoints newest first, a page at a time: only those the key signed (a row can be inserted by anyone holding the database). */
export async function listCheckpoints(database: Database, publicKey: string, limit: number, beforeSize?: number): Promise<Checkpoint[]> {
  let query = database.db.selectFrom('ledger_checkpoints').selectAll().orderBy('size', 'desc').orderBy('signed_at', 'desc').limit(limit);
  if (beforeSize !== undefined) query = query.where('size', '<', beforeSize);
  return (await query.execute()).map(fromRow).filter((c) => signatureHolds(publicKey, c));
}

/**
 * The proof that entry `seq` is in the ledger as it stands; checked before it is handed out, since
 * a proof made from an altered tree would accuse the ledger of what the tree did.
 */
export async function proveInclusion(database: Database, signer: Signer, seq: number, signedAt: string, keysDir: string | undefined): Promise<InclusionProof | undefined> {
  const [entry] = Number.isSafeInteger(seq) && seq >= 1 ? await readSpan(database, seq, seq) : [];
  if (!entry) return undefined;
  const checkpoint = await currentCheckpoint(database, signer, signedAt, keysDir);
  const path = await inclusionPath(database.db, seq, checkpoint.size);
  const leafHash = leafHashOf(entry.hash);
  if (!verifyInclusion(HASHER, seq - 1, checkpoint.size, leafHash, path.map(digest), digest(checkpoint.root))) {
    throw new LedgerDisagrees({ seq, reason: 'the Merkle tree the database keeps does not prove this entry under the signed root: the tree was altered' });
  }
  return { format: 'concord-inclusion/v1', seq, leafIndex: seq - 1, entryHash: entry.hash, leafHash: toHex(leafHash), path, checkpoint, publicKey: signer.publicKey, entry };
}

export type ConsistencyAnswer =
  | { readonly ok: true; readonly proof: ConsistencyProof }
  | { readonly ok: false; readonly code: 'invalid' | 'not-signed' | 'inconsistent'; readonly field?: string; readonly reason: string; /** Set when the ledger no longer extends what this instance signed. */ readonly disagreement?: Disagreement };

/**
 * Checks a checkpoint someone holds against the ledger now: signed by this organization's key,
 * not longer than the ledger, and the stored tree proves today's root extends it.
 */
export async function proveConsistency(database: Database, signer: Signer, held: unknown, signedAt: string, keysDir: string | undefined): Promise<ConsistencyAnswer> {
  const parsed = parseCheckpoint(held);
  if (!parsed.ok) return { ok: false, code: 'invalid', field: parsed.field, reason: parsed.field ? `the checkpoint's "${parsed.field}": ${parsed.reason}` : parsed.reason };
  const from = parsed.checkpoint;
  if (!signatureHolds(signer.publicKey, from)) return { ok: false, code: 'not-signed', reason: `the checkpoint is not signed by this organization's key ${signer.keyId} (it names key ${from.keyId}), or its fields were changed after signing` };
  let to: Checkpoint;
  try {
    to = await currentCheckpoint(database, signer, signedAt, keysDir);
  } catch (error) {
    if (error instanceof LedgerDisagrees) return { ok: false, code: 'inconsistent', reason: `the ledger cannot be signed as it stands: ${error.message}`, disagreement: error.disagreement };
    throw error;
  }
  if (from.size > to.size) return { ok: false, code: 'inconsistent', reason: `the checkpoint signed at ${from.signedAt} covers ${from.size} entries, the ledger has only ${to.size}: entries were removed` };
  const path = await consistencyPath(database.db, from.size, to.size);
  if (!verifyConsistency(HASHER, from.size, to.size, digest(from.root), digest(to.root), path.map(digest))) {
    return { ok: false, code: 'inconsistent', reason: `the ledger is not an extension of the one signed at ${from.signedAt}: its first ${from.size} entries are not those the checkpoint covers` };
  }
  return { ok: true, proof: { format: 'concord-consistency/v1', from, path, to, publicKey: signer.publicKey } };
}

/** A hash as bytes; what is not hexadecimal is no hash and proves nothing. */
function digest(hex: string): Uint8Array {
  return fromHex(hex) ?? new Uint8Array();
}

function toRow(c: Checkpoint): CheckpointRow {
  return { size: c.size, root: c.root, signed_at: c.signedAt, key_id: c.keyId, signature: c.signature };
}

function fromRow(row: CheckpointRow): Checkpoint {
  return { size: row.size, root: row.root, signedAt: row.signed_at, keyId: row.key_id, signature: row.signature };
}
