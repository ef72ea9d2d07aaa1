/**
 * `npm run bench`: every benchmark, printed as a Markdown table to paste into docs/benchmarks.md.
 */
import { benchDecide } from './decide.bench.js';
import { machine, markdownTable } from './report.js';

const rows = [...(await benchDecide())];
process.stdout.write(`Machine: ${machine()}\n\n${markdownTable(rows)}\n`);
