/**
 * A writer that appends batches of 100 events until it is killed; used to check that a process
 * killed mid-batch leaves no half-written entry. Argument: the store config as JSON.
 */
import { appendToLedger } from '../../src/ledger/index.js';
import type { StoreConfig } from '../../src/store/database.js';
import { openStore } from '../../src/modules/composition.js';
import { projectEntries } from '../../src/modules/composition.js';

const config = JSON.parse(process.argv[2] ?? '{}') as StoreConfig;
const database = await openStore(config);
for (let batch = 0; ; batch++) {
  const events = Array.from({ length: 100 }, (_, i) => ({
    type: 'NoteRegistered',
    validAt: '2026-01-01',
    data: { id: `b${batch}-${i}`, sender: 'ARM', authority: 'MFA', reference: `${batch}/${i}`, dated: '2026-01-01', kind: 'other', subject: 'batch' },
  }));
  const result = await appendToLedger(database, [{ streamId: `note-batch-${batch}`, expectedVersion: 0, events }], { actor: 'writer', recordedAt: new Date().toISOString() }, projectEntries);
  if (!result.ok) throw new Error(result.code);
  process.stdout.write(`${batch + 1}\n`);
}
