/**
 * The CLI's edge: reading input, printing results, and turning refusals into one clear line and
 * exit code 2.
 */
import { readFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import type { Outcome } from '../app/index.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

export function refuse(command: string, message: string): number {
  process.stderr.write(`concord ${command}: ${message}\n`);
  return EXIT_BAD_INPUT;
}

export async function readInput(file: string | undefined): Promise<string> {
  if (file === undefined || file === '-') return text(process.stdin);
  return readFileSync(file, 'utf8');
}

export function printJson(value: unknown, pretty: boolean): void {
  // Round-trip first so that what is printed is exactly what JSON can say (no undefined).
  const plain = JSON.parse(JSON.stringify(value)) as unknown;
  process.stdout.write(`${pretty ? prettyJson(plain) : JSON.stringify(plain)}\n`);
}

/** Indented JSON that keeps lists of codes and small objects on one line, for people to read. */
export function prettyJson(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== 'object' || flat.length <= 72 || isFlatList(value)) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + prettyJson(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettyJson(v, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

function isFlatList(value: object): boolean {
  return Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object');
}

/** Today's date in UTC: the only place the CLI reads the clock for a date. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A command's outcome: one line (or JSON) on success, one refusal line and exit 2 otherwise. */
export function report<T>(command: string, result: Outcome<T>, json: boolean, describe: (value: T) => string): number {
  if (!result.ok) return refuse(command, `${result.refusal.field}: ${result.refusal.message}`);
  if (json) printJson({ value: result.value, entries: result.entries.map((e) => ({ seq: e.seq, streamId: e.streamId, type: e.type, hash: e.hash })) }, true);
  else process.stdout.write(`${describe(result.value)}${result.entries.length ? ` (ledger entries ${result.entries.map((e) => e.seq).join(', ')})` : ''}\n`);
  return EXIT_OK;
}
