/**
 * One row per measurement; medians only, since the machines we run on are noisy.
 */
import { cpus, totalmem } from 'node:os';

export interface BenchRow {
  readonly group: string;
  readonly name: string;
  readonly detail: string;
  readonly median: number;
  readonly unit: string;
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

export function markdownTable(rows: readonly BenchRow[]): string {
  const lines = ['| group | case | size | median |', '| --- | --- | --- | ---: |'];
  for (const r of rows) lines.push(`| ${r.group} | ${r.name} | ${r.detail} | ${Math.round(r.median).toLocaleString('en-US')} ${r.unit} |`);
  return lines.join('\n');
}

/** The value below which p % of the values fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
