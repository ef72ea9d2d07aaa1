/**
 * The CLI's edge: reading input, printing results, and turning refusals into one clear line and
 * exit code 2.
 */
import { readFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';

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
