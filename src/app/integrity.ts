/**
 * The server checks the ledger before it serves: at start, quickly, that the database still
 * extends the last checkpoint this instance signed (src/ledger/anchor.ts), that the entries that
 * grant power are the ones it signed, and that the tables granting power are what the ledger says;
 * then the whole ledger, in the background, yielding between pages. A disagreement found by
 * either stops the serving.
 */
import { latestCheckpoint, LedgerDisagrees, type Checkpoint } from '../ledger/checkpoints.js';
import { extendsAnchor, provedAgainst, readAnchor, type Disagreement } from '../ledger/anchor.js';
import { readStreamsOf, verifyChain } from '../ledger/index.js';
import { signatureHolds } from '../ledger/signing.js';
import { composition } from './composition.js';
import type { Concord } from './concord.js';
import { organizationSigner, signCheckpoint, watchDisagreements } from './proof.js';

/** What the server consults before it answers; a failure is final until the ledger is restored. */
export class Integrity {
  #failure: Disagreement | undefined;
  #degraded: string | undefined;

  /** Why the server refuses to serve, or undefined while it may. */
  refusal(): string | undefined {
    const f = this.#failure;
    if (!f) return undefined;
    const where = f.seq === 0 ? 'the ledger cannot be trusted:' : `the ledger fails verification at entry ${f.seq}:`;
    return `${where} ${f.reason}; Concord refuses to serve until the data is restored from a backup`;
  }

  /** Not ready, though nothing disagrees (a checkpoint that cannot be written): reads go on. */
  degrade(reason: string): void {
    this.#degraded = reason;
  }

  /** Why the server should not be sent requests, or undefined. */
  unready(): string | undefined {
    return this.refusal() ?? this.#degraded;
  }

  /** The first disagreement found stands. */
  fail(seq: number, reason: string): void {
    this.#failure ??= { seq, reason };
  }
}

/**
 * The quick check at start; returns the state, with the full check started in the background.
 * The anchor is the checkpoint kept beside the key, else (a folder restored without it) the
 * newest checkpoint in the database the key signed.
 */
export async function checkAtStart(c: Concord): Promise<{ integrity: Integrity; background: Promise<void> }> {
  const integrity = new Integrity();
  watchDisagreements(c, (found) => { integrity.fail(found.seq, found.reason); });
  const signer = organizationSigner(c);
  const anchor = readAnchor(c.keysDir, c.database) ?? (await signedInDatabase(c));
  const problem = (anchor && ((await extendsAnchor(c.database, anchor, signer.publicKey)) ?? (await powerEntries(c, anchor)))) ?? (await powerTables(c));
  if (problem) {
    integrity.fail(problem.seq, problem.reason);
    return { integrity, background: Promise.resolve() };
  }
  try {
    // Signed now that it checks, so that the next start begins here.
    await signCheckpoint(c);
  } catch (error) {
    if (error instanceof LedgerDisagrees) integrity.fail(error.disagreement.seq, error.disagreement.reason);
    else integrity.degrade(`the checkpoint cannot be kept beside the key (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  const background = verifyChain(c.database, undefined, anchor).then(
    (result) => {
      if (!result.ok) integrity.fail(result.seq, result.reason);
    },
    // A check that cannot run has not shown the ledger sound.
    (error: unknown) => { integrity.fail(0, `the full verification could not run: ${error instanceof Error ? error.message : String(error)}`); },
  );
  return { integrity, background };
}

async function signedInDatabase(c: Concord): Promise<Checkpoint | undefined> {
  const latest = await latestCheckpoint(c.database);
  return latest && signatureHolds(organizationSigner(c).publicKey, latest) ? latest : undefined;
}

/** The entries that grant power, each proved against the anchor: a role edited in its entry is found at start. */
async function powerEntries(c: Concord, anchor: Checkpoint): Promise<Disagreement | undefined> {
  const { powerStreams } = await composition();
  for (const prefix of powerStreams()) {
    const entries = await readStreamsOf(c.database, prefix);
    const found = await provedAgainst(c.database, anchor, entries);
    if (found) return found;
  }
  return undefined;
}

/** What grants power must be what the ledger says: the modules that keep such tables check them. */
async function powerTables(c: Concord): Promise<Disagreement | undefined> {
  const { projectionChecks } = await composition();
  for (const check of projectionChecks()) {
    const result = await check(c.database);
    if (!result.ok) return { seq: 0, reason: `the ${result.table} table disagrees with the ledger at ${result.key}: ${result.reason}` };
  }
  return undefined;
}
