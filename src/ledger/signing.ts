/**
 * The organization's Ed25519 key, kept outside the database: the PKCS#8 PEM file named by
 * CONCORD_SIGNING_KEY, else one generated at first use in the keys folder beside the data. Whoever
 * can rewrite the database cannot sign, so a checkpoint a member holds outlives any rewrite.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkpointMessage, type Checkpoint } from '../core/ledger/checkpoint.js';
import { createOnce } from './key-files.js';

export interface Signer {
  readonly keyId: string;
  /** The public key as SPKI PEM: what members pin to check checkpoints. */
  readonly publicKey: string;
  readonly source: string;
  sign(size: number, root: string, signedAt: string): Checkpoint;
}

export class SigningKeyError extends Error {}

const KEY_FILE = 'signing-key.pem';

/**
 * The signing key: `create` false only looks (a read-only command must not mint a key that would
 * then disown every checkpoint signed before).
 */
export function loadSigner(keysDir: string | undefined, create: true): Signer;
export function loadSigner(keysDir: string | undefined, create: false): Signer | undefined;
export function loadSigner(keysDir: string | undefined, create: boolean): Signer | undefined {
  const named = process.env.CONCORD_SIGNING_KEY;
  if (named) return signerFrom(readKey(named), named);
  if (keysDir === undefined) {
    if (!create) return undefined;
    throw new SigningKeyError('no organization key: set CONCORD_SIGNING_KEY to an Ed25519 private key (PKCS#8 PEM), or give --data so one can be kept in its keys/ folder');
  }
  const file = join(keysDir, KEY_FILE);
  if (existsSync(file)) return signerFrom(readKey(file), file);
  if (!create) return undefined;
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    createOnce(file, String(privateKey.export({ type: 'pkcs8', format: 'pem' })));
  } catch (error) {
    throw new SigningKeyError(`cannot write the organization key to ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  return signerFrom(readKey(file), file);
}

function readKey(file: string): KeyObject {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SigningKeyError(`cannot read the organization key ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new SigningKeyError(`${file} is not a private key in PEM: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningKeyError(`${file} holds an ${key.asymmetricKeyType ?? 'unknown'} key; checkpoints are signed with Ed25519`);
  return key;
}

function signerFrom(privateKey: KeyObject, source: string): Signer {
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  return {
    keyId,
    publicKey: String(publicKey.export({ type: 'spki', format: 'pem' })),
    source,
    sign: (size, root, signedAt) => {
      const unsigned = { size, root, signedAt, keyId };
      return { ...unsigned, signature: sign(null, Buffer.from(checkpointMessage(unsigned)), privateKey).toString('base64') };
    },
  };
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** Whether the checkpoint was signed by this public key (PEM), over exactly its fields. */
export function signatureHolds(publicKeyPem: string, checkpoint: Checkpoint): boolean {
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch {
    return false;
  }
  if (key.asymmetricKeyType !== 'ed25519' || keyIdOf(key) !== checkpoint.keyId) return false;
  const { signature, ...unsigned } = checkpoint;
  return verify(null, Buffer.from(checkpointMessage(unsigned)), key, Buffer.from(signature, 'base64'));
}
