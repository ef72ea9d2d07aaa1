/**
 * `concord ledger verify|checkpoint|prove|key|export|import|replay`.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Concord } from '../app/index.js';
import { exportLines, importLines, replayProjections, verifyChain, type ChainCheck } from '../ledger/index.js';
import { inclusionProof, organizationSigner, signCheckpoint } from '../app/proof.js';
import { parseCheckpoint, type Checkpoint } from '../core/ledger/checkpoint.js';
import { fromHex, verifyConsistency } from '../core/ledger/merkle.js';
import { loadSigner, signatureHolds } from '../ledger/signing.js';
import { consistencyPath, HASHER } from '../ledger/tree.js';
import type { Database } from '../store/database.js';
import { importNotices, projectEntries, projectionChecks, READ_MODELS } from '../modules/composition.js';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, printJson, refuse } from './io.js';
import { progressBar } from './progress.js';

async function entryCount(c: Concord): Promise<number> {
  const row = await c.database.db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface VerifyFlags {
  readonly json?: boolean;
  /** A checkpoint file: the ledger must be a consistent extension of it. */
  readonly against?: string;
  /** The organization's public key (PEM) to check the checkpoint with, instead of the key here. */
  readonly key?: string;
}

export async function runVerify(c: Concord, flags: VerifyFlags): Promise<number> {
  const json = flags.json ?? false;
  const held = flags.against === undefined ? undefined : heldCheckpoint(c, flags.against, flags.key);
  if (held && 'exit' in held) return held.exit;
  const bar = progressBar('verifying', await entryCount(c));
  const chain = await verifyChain(c.database, (n) => { bar.update(n); }, held?.checkpoint);
  bar.finish();
  const consistent = chain.ok && held ? await consistentWith(c, held.checkpoint, chain) : chain;
  const result = consistent.ok ? await powerTables(c, consistent) : consistent;
  if (json) printJson({ ...result, ...(held && { against: held.checkpoint }) }, true);
  if (result.ok) {
    if (!json) {
      const since = held ? `; a consistent extension of the checkpoint of ${held.checkpoint.size} entries signed at ${held.checkpoint.signedAt}` : '';
      process.stdout.write(`ledger verified: ${result.count} entries, root ${result.root}${since} (${c.database.location})\n`);
    }
    return EXIT_OK;
  }
  if (result.seq === 0) {
    process.stderr.write(`concord ledger verify: the ${result.count} entries verify, but ${result.reason}\n`);
    return EXIT_FAILED;
  }
  const where = result.streamId ? `entry ${result.seq} (stream ${result.streamId})` : `entry ${result.seq}`;
  process.stderr.write(`concord ledger verify: ${where} fails: ${result.reason}; the ${result.count} entries before it verify\n`);
  return EXIT_FAILED;
}

/** The checkpoint of --against, its signature checked, or the exit code that refuses it. */
function heldCheckpoint(c: Concord, file: string, keyFile: string | undefined): { checkpoint: Checkpoint } | { exit: number } {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { exit: refuse('ledger verify', `--against: cannot read a checkpoint from ${file} (${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))})`) };
  }
  const parsed = parseCheckpoint(value);
  if (!parsed.ok) return { exit: refuse('ledger verify', `--against: ${file}: ${parsed.field ? `"${parsed.field}": ` : ''}${parsed.reason}`) };
  let publicKey: string;
  try {
    publicKey = keyFile === undefined ? (loadSigner(c.keysDir, false)?.publicKey ?? '') : readFileSync(keyFile, 'utf8');
  } catch (error) {
    return { exit: refuse('ledger verify', `--key: ${error instanceof Error ? error.message : String(error)}`) };
  }
  if (publicKey === '') return { exit: refuse('ledger verify', 'no organization key here to check the checkpoint with: set CONCORD_SIGNING_KEY, or give the public key with --key FILE') };
  if (!signatureHolds(publicKey, parsed.checkpoint)) {
    process.stderr.write(`concord ledger verify: the checkpoint in ${file} is not signed by the organization's key, or its fields were changed after signing (it names key ${parsed.checkpoint.keyId})\n`);
    return { exit: EXIT_FAILED };
  }
  return { checkpoint: parsed.checkpoint };
}

/**
 * The entries hash to the signed root; the tree the database keeps must also prove it, since that
 * tree is what members' proofs are made of.
 */
async function consistentWith(c: Concord, held: Checkpoint, chain: Extract<ChainCheck, { ok: true }>): Promise<ChainCheck> {
  const path = await consistencyPath(c.database.db, held.size, chain.count);
  const bytes = (hex: string): Uint8Array => fromHex(hex) ?? new Uint8Array();
  if (verifyConsistency(HASHER, held.size, chain.count, bytes(held.root), bytes(chain.root), path.map(bytes))) return chain;
  return { ok: false, count: chain.count, seq: held.size, streamId: '', reason: 'the entries verify, but the Merkle tree the database keeps does not prove their consistency with the checkpoint: the tree was altered' };
}

/** The tables that grant power must be what the ledger says (a role changed in its table is power taken). */
async function powerTables(c: Concord, chain: ChainCheck): Promise<ChainCheck> {
  for (const check of projectionChecks()) {
    const found = await check(c.database);
    if (!found.ok) return { ok: false, count: chain.count, seq: 0, streamId: '', reason: `the ${found.table} table disagrees with the ledger at ${found.key}: ${found.reason}` };
  }
  return chain;
}

export async function runCheckpoint(c: Concord, json: boolean): Promise<number> {
  const checkpoint = await signCheckpoint(c);
  if (json) {
    printJson(checkpoint, true);
    return EXIT_OK;
  }
  const signer = organizationSigner(c);
  process.stdout.write(`checkpoint: ${checkpoint.size} entries, root ${checkpoint.root}\nsigned at ${checkpoint.signedAt} by key ${checkpoint.keyId} (${signer.source})\nsignature ${checkpoint.signature}\n`);
  return EXIT_OK;
}

export async function runProve(c: Concord, seq: string, json: boolean): Promise<number> {
  const n = Number(seq);
  const proof = Number.isSafeInteger(n) && n >= 1 ? await inclusionProof(c, n) : undefined;
  if (!proof) return refuse('ledger prove', `<seq>: "${seq}" is not the number of an entry of this ledger (1 to ${await entryCount(c)})`);
  if (json) {
    printJson(proof, true);
    return EXIT_OK;
  }
  process.stdout.write(`entry ${proof.seq} (${proof.entry?.type ?? ''}, stream ${proof.entry?.streamId ?? ''}) is in the ledger of ${proof.checkpoint.size} entries signed at ${proof.checkpoint.signedAt}\nhash ${proof.entryHash}\npath ${proof.path.length} hashes to root ${proof.checkpoint.root}\n`);
  return EXIT_OK;
}

export function runKey(c: Concord): number {
  const signer = organizationSigner(c);
  process.stdout.write(`# key ${signer.keyId}, from ${signer.source}\n${signer.publicKey}`);
  return EXIT_OK;
}

export async function runExport(c: Concord, output: string | undefined): Promise<number> {
  const out = output ? createWriteStream(output) : process.stdout;
  if (output) {
    try {
      await once(out, 'open');
    } catch (error) {
      return refuse('ledger export', `--output: cannot write ${output} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  for await (const line of exportLines(c.database)) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  if (output) {
    out.end();
    await once(out, 'finish');
  }
  return EXIT_OK;
}

/** Imports into a database that has nothing yet: opened without setting up a framework. */
export async function runImport(database: Database, file: string): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`concord ledger import: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return EXIT_BAD_INPUT;
  }
  const result = await importLines(database, text.split('\n'), projectEntries);
  if (!result.ok) {
    process.stderr.write(`concord ledger import: ${file}:${result.line}: ${result.reason}; nothing was imported\n`);
    return EXIT_BAD_INPUT;
  }
  process.stdout.write(`imported ${result.count} entries into ${database.location}; the chain verifies\n`);
  for (const notice of await importNotices(database)) process.stdout.write(`${notice}\n`);
  return EXIT_OK;
}

export async function runReplay(c: Concord): Promise<number> {
  const bar = progressBar('replaying', await entryCount(c));
  const result = await replayProjections(c.database, READ_MODELS, (n) => { bar.update(n); });
  bar.finish();
  if (result.differing.length > 0) {
    process.stderr.write(`concord ledger replay: rebuilt from ${result.entries} entries, but ${result.differing.join(', ')} differed from the live read models; the rebuilt ones are now in place\n`);
    return EXIT_FAILED;
  }
  process.stdout.write(`replayed ${result.entries} entries: every read model is identical to the live one\n`);
  return EXIT_OK;
}
