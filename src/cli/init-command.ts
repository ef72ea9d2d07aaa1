/**
 * `concord init`: sets up an empty database with a pack and its documented history, as any
 * command that acts does first, and says what the database holds. Commands that only read set
 * nothing up, so this is how a folder is prepared for them.
 */
import type { Concord } from '../app/index.js';
import { readHead } from '../ledger/index.js';
import { EXIT_OK } from './io.js';

export async function runInit(c: Concord): Promise<number> {
  const head = await readHead(c.database);
  process.stdout.write(`${c.database.location}: ${c.framework.name} (${c.framework.id}), ${head?.seq ?? 0} ledger entries\n`);
  return EXIT_OK;
}
