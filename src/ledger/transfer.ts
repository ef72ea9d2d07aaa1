/**
 * Export and import as NDJSON: a header line, one entry per line with its hashes, and a closing
 * line with the count and the head hash, so that a file cut short is told from a complete one.
 * An import checks the whole chain before it stores anything, then stores it in one transaction.
 */
import type { Database } from '../store/database.js';
import type { LedgerEntry } from './entry.js';
import { readChain } from './read.js';
import { toRow } from './rows.js';
import { ChainChecker } from './verify.js';
import { growTree } from './tree.js';
import type { Projector } from './append.js';

const FORMAT = 'concord-ledger';
/** Stands for a request hash that an export does not carry. */
export const IMPORTED_REQUEST = 'imported';
const VERSION = 1;

export async function* exportLines(database: Database): AsyncGenerator<string> {
  yield JSON.stringify({ format: FORMAT, version: VERSION });
  let count = 0;
  let head = '';
  for await (const page of readChain(database)) {
    for (const entry of page) {
      count++;
      head = entry.hash;
      yield JSON.stringify(entry);
    }
  }
  yield JSON.stringify({ end: FORMAT, count, headHash: head });
}

export type ImportResult = { readonly ok: true; readonly count: number } | { readonly ok: false; readonly line: number; readonly reason: string };

/** Parses and checks every line; returns the entries only if the whole file is sound. */
export function checkExport(lines: readonly string[]): { ok: true; entries: LedgerEntry[] } | { ok: false; line: number; reason: string } {
  const body = lines.at(-1) === '' ? lines.slice(0, -1) : lines;
  const header = parse(body[0]);
  if (!header || header.format !== FORMAT || header.version !== VERSION) return { ok: false, line: 1, reason: `not a ${FORMAT} export (version ${VERSION})` };
  const checker = new ChainChecker();
  const entries: LedgerEntry[] = [];
  for (let i = 1; i < body.length; i++) {
    const value = parse(body[i]);
    const line = i + 1;
    if (!value) return { ok: false, line, reason: 'not valid JSON (the file is damaged or cut short)' };
    if ('end' in value) {
      if (i !== body.length - 1) return { ok: false, line, reason: 'the closing line is followed by more lines' };
      if (value.count !== entries.length) return { ok: false, line, reason: `the closing line counts ${String(value.count)} entries, the file has ${entries.length}` };
      const head = entries.at(-1)?.hash ?? '';
      if (value.headHash !== head) return { ok: false, line, reason: 'the closing line names another head hash than the last entry' };
      return { ok: true, entries };
    }
    const shape = entryShapeProblem(value);
    if (shape) return { ok: false, line, reason: shape };
    const entry = value as unknown as LedgerEntry;
    if (!checker.check(entry)) {
      const failure = checker.result();
      return { ok: false, line, reason: `entry ${entry.seq}: ${failure.ok ? 'invalid' : failure.reason}` };
    }
    entries.push(entry);
  }
  return { ok: false, line: body.length, reason: 'the file ends without its closing line: it was cut short' };
}

export async function importLines(database: Database, lines: readonly string[], project: Projector): Promise<ImportResult> {
  const checked = checkExport(lines);
  if (!checked.ok) return checked;
  return database.writeTransaction(async (trx, head) => {
    if (head.seq > 0) return { ok: false, line: 1, reason: 'the ledger here is not empty; import into a new data folder or database' } as const;
    const last = checked.entries.at(-1);
    const tree = growTree(0, '', checked.entries.map((e) => e.hash));
    await database.insertEntries(trx, checked.entries.map(toRow), [], { seq: last?.seq ?? 0, hash: last?.hash ?? head.hash, frontier: tree.frontier }, tree.nodes);
    const keys = idempotencyRanges(checked.entries);
    for (let i = 0; i < keys.length; i += 400) await trx.insertInto('ledger_idempotency').values(keys.slice(i, i + 400)).execute();
    await project(trx, checked.entries, database);
    return { ok: true, count: checked.entries.length } as const;
  });
}

/**
 * The idempotency keys of the imported entries, so that a command retried after a move to
 * another database is still recognized; the original request's hash is not in an export.
 */
function idempotencyRanges(entries: readonly LedgerEntry[]): { key: string; request_hash: string; first_seq: number; last_seq: number }[] {
  const ranges = new Map<string, { key: string; request_hash: string; first_seq: number; last_seq: number }>();
  for (const e of entries) {
    if (e.idempotencyKey === null) continue;
    const range = ranges.get(e.idempotencyKey);
    if (range) range.last_seq = e.seq;
    else ranges.set(e.idempotencyKey, { key: e.idempotencyKey, request_hash: IMPORTED_REQUEST, first_seq: e.seq, last_seq: e.seq });
  }
  return [...ranges.values()];
}

const ENTRY_FIELDS: Record<string, (v: unknown) => boolean> = {
  seq: Number.isSafeInteger,
  streamId: (v) => typeof v === 'string',
  streamVersion: Number.isSafeInteger,
  type: (v) => typeof v === 'string',
  validAt: (v) => typeof v === 'string',
  recordedAt: (v) => typeof v === 'string',
  actor: (v) => typeof v === 'string',
  idempotencyKey: (v) => v === null || typeof v === 'string',
  reconstructed: (v) => typeof v === 'boolean',
  prevHash: (v) => typeof v === 'string',
  hash: (v) => typeof v === 'string',
  data: (v) => v !== undefined,
};

/** A line whose hashes agree can still lack a field; it is refused before anything is stored. */
function entryShapeProblem(value: Record<string, unknown>): string | undefined {
  for (const [field, valid] of Object.entries(ENTRY_FIELDS)) {
    if (!valid(value[field])) return `the entry's "${field}" is missing or of the wrong type`;
  }
  return undefined;
}

function parse(line: string | undefined): Record<string, unknown> | undefined {
  if (line === undefined) return undefined;
  try {
    const value = JSON.parse(line) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
