/**
 * `concord-verify`: what a member's IT runs to check the organization's proofs with nothing but
 * the organization's public key, a checkpoint and a proof; no database, no server. The formats
 * are described in docs/ledger-proofs.md, so that it can also be written again elsewhere.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCheckpoint, type Checkpoint } from '../core/ledger/checkpoint.js';
import { fromHex, verifyConsistency, verifyInclusion } from '../core/ledger/merkle.js';
import { hashEntry, type LedgerEntry } from '../ledger/entry.js';
import { signatureHolds } from '../ledger/signing.js';
import { HASHER } from '../ledger/hasher.js';

const USAGE = `usage:
  concord-verify checkpoint  --key ORG.pem CHECKPOINT.json
  concord-verify inclusion   --key ORG.pem PROOF.json            (from "concord ledger prove SEQ --json")
  concord-verify consistency --key ORG.pem --held OLD.json PROOF.json   (from POST /api/ledger/consistency)
ORG.pem is the organization's public key ("concord ledger key"); pin it once, from a trusted channel.
Exit 0: the proof holds; 1: it does not (the reason is printed); 2: the input cannot be read.`;

class BadInput extends Error {}

function readJson(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BadInput(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Said below, with the file's name.
  }
  throw new BadInput(`${file} is not a JSON object`);
}

function checkpointIn(value: unknown, where: string): Checkpoint {
  const parsed = parseCheckpoint(value);
  if (!parsed.ok) throw new BadInput(`${where}: ${parsed.field ? `"${parsed.field}": ` : ''}${parsed.reason}`);
  return parsed.checkpoint;
}

function hashes(value: unknown, where: string): Uint8Array[] {
  if (!Array.isArray(value)) throw new BadInput(`${where}: "path" must be a list of hashes`);
  return value.map((h, i) => {
    const bytes = typeof h === 'string' ? fromHex(h) : undefined;
    if (bytes?.length !== 32) throw new BadInput(`${where}: path[${i}] is not a SHA-256 hash in hexadecimal`);
    return bytes;
  });
}

function signed(key: string, checkpoint: Checkpoint, what: string): string | undefined {
  return signatureHolds(key, checkpoint) ? undefined : `${what} is not signed by this key, or its fields were changed after signing (it names key ${checkpoint.keyId})`;
}

type Verdict = { ok: true; said: string } | { ok: false; said: string };

function checkInclusion(key: string, file: string): Verdict {
  const proof = readJson(file);
  const checkpoint = checkpointIn(proof.checkpoint, `${file}: checkpoint`);
  const unsigned = signed(key, checkpoint, 'the checkpoint');
  if (unsigned) return { ok: false, said: unsigned };
  const seq = proof.seq;
  if (!Number.isSafeInteger(seq) || (seq as number) < 1) throw new BadInput(`${file}: "seq" must be an entry's number`);
  const entryHash = typeof proof.entryHash === 'string' ? proof.entryHash : '';
  const entryBytes = fromHex(entryHash);
  if (entryBytes?.length !== 32) throw new BadInput(`${file}: "entryHash" is not a SHA-256 hash in hexadecimal`);
  if (proof.entry !== undefined) {
    const entry = proof.entry as LedgerEntry;
    if (entry.seq !== seq || hashEntry(entry) !== entryHash) return { ok: false, said: `the entry given does not hash to ${entryHash}: it is not the entry proved` };
  }
  const leaf = HASHER.leaf(entryBytes);
  const root = fromHex(checkpoint.root) ?? new Uint8Array();
  if (!verifyInclusion(HASHER, (seq as number) - 1, checkpoint.size, leaf, hashes(proof.path, file), root)) {
    return { ok: false, said: `entry ${String(seq)} is not in the ledger of ${checkpoint.size} entries signed at ${checkpoint.signedAt}: the path does not lead to its root` };
  }
  return { ok: true, said: `entry ${String(seq)} (hash ${entryHash}) is in the ledger of ${checkpoint.size} entries signed at ${checkpoint.signedAt} by key ${checkpoint.keyId}` };
}

function checkConsistency(key: string, heldFile: string, file: string): Verdict {
  const held = checkpointIn(readJson(heldFile), heldFile);
  const proof = readJson(file);
  const from = checkpointIn(proof.from, `${file}: from`);
  const to = checkpointIn(proof.to, `${file}: to`);
  const unsigned = signed(key, held, 'the checkpoint held') ?? signed(key, to, "the proof's newer checkpoint");
  if (unsigned) return { ok: false, said: unsigned };
  if (from.size !== held.size || from.root !== held.root) return { ok: false, said: `the proof starts from another checkpoint (${from.size} entries) than the one held (${held.size})` };
  const ok = verifyConsistency(HASHER, held.size, to.size, fromHex(held.root) ?? new Uint8Array(), fromHex(to.root) ?? new Uint8Array(), hashes(proof.path, file));
  if (!ok) return { ok: false, said: `the ledger of ${to.size} entries signed at ${to.signedAt} is not an extension of the one held (${held.size} entries, signed at ${held.signedAt}): the history was rewritten` };
  return { ok: true, said: `the ledger of ${to.size} entries signed at ${to.signedAt} extends the one held (${held.size} entries, signed at ${held.signedAt}): nothing before it was changed` };
}

export function run(argv: readonly string[]): number {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`concord-verify: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, file] = positionals;
  if (!values.key || !command || !file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    const key = readFileSync(values.key, 'utf8');
    let verdict: Verdict;
    if (command === 'checkpoint') {
      const checkpoint = checkpointIn(readJson(file), file);
      const unsigned = signed(key, checkpoint, 'the checkpoint');
      verdict = unsigned ? { ok: false, said: unsigned } : { ok: true, said: `the checkpoint of ${checkpoint.size} entries (root ${checkpoint.root}) was signed at ${checkpoint.signedAt} by key ${checkpoint.keyId}` };
    } else if (command === 'inclusion') {
      verdict = checkInclusion(key, file);
    } else if (command === 'consistency') {
      if (!values.held) throw new BadInput('consistency needs --held: the checkpoint you hold');
      verdict = checkConsistency(key, values.held, file);
    } else {
      throw new BadInput(`no check "${command}"`);
    }
    (verdict.ok ? process.stdout : process.stderr).write(`${verdict.ok ? 'verified' : 'NOT verified'}: ${verdict.said}\n`);
    return verdict.ok ? 0 : 1;
  } catch (error) {
    process.stderr.write(`concord-verify: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, options: { key: { type: 'string' }, held: { type: 'string' } } });
}
