/**
 * `concord ledger verify|export|import|replay`.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Concord } from '../app/index.js';
import { exportLines, importLines, replayProjections, verifyChain } from '../ledger/index.js';
import type { Database } from '../store/database.js';
import { projectEntries, READ_MODELS } from '../modules/composition.js';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, printJson, refuse } from './io.js';
import { progressBar } from './progress.js';

async function entryCount(c: Concord): Promise<number> {
  const row = await c.database.db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function runVerify(c: Concord, json: boolean): Promise<number> {
  const bar = progressBar('verifying', await entryCount(c));
  const result = await verifyChain(c.database, (n) => { bar.update(n); });
  bar.finish();
  if (json) printJson(result, true);
  if (result.ok) {
    if (!json) process.stdout.write(`ledger verified: ${result.count} entries, head ${result.headHash} (${c.database.location})\n`);
    return EXIT_OK;
  }
  const where = result.streamId ? `entry ${result.seq} (stream ${result.streamId})` : `entry ${result.seq}`;
  process.stderr.write(`concord ledger verify: ${where} fails: ${result.reason}; the ${result.count} entries before it verify\n`);
  return EXIT_FAILED;
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
