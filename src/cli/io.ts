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
  process.stdout.write(`${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`);
}

/** Today's date in UTC: the only place the CLI reads the clock for a date. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
