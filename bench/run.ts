/**
 * `npm run bench`: every benchmark, printed as a Markdown table to paste into docs/benchmarks.md.
 */
import { benchDecide } from './decide.bench.js';
import { benchLedger } from './ledger.bench.js';
import { machine, markdownTable } from './report.js';

const only = process.argv[2];
const rows = [...(only === undefined || only === 'decide' ? await benchDecide() : []), ...(only === undefined || only === 'ledger' ? await benchLedger() : [])];
process.stdout.write(`Machine: ${machine()}\n\n${markdownTable(rows)}\n`);
