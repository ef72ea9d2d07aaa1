/**
 * `npm run bench`: every benchmark, printed as a Markdown table to paste into docs/benchmarks.md.
 * `npm run bench decide`, `ledger`, `proof` or `http` runs one of them.
 */
import { benchDecide } from './decide.bench.js';
import { benchHttp } from './http.bench.js';
import { benchLedger } from './ledger.bench.js';
import { benchProof } from './proof.bench.js';
import { machine, markdownTable, type BenchRow } from './report.js';

const benches: Record<string, () => Promise<BenchRow[]>> = { decide: benchDecide, ledger: benchLedger, proof: benchProof, http: benchHttp };
const only = process.argv[2];
if (only !== undefined && !(only in benches)) throw new Error(`no benchmark "${only}"; expected one of: ${Object.keys(benches).join(', ')}`);
const rows: BenchRow[] = [];
for (const [name, bench] of Object.entries(benches)) if (only === undefined || only === name) rows.push(...(await bench()));
process.stdout.write(`Machine: ${machine()}\n\n${markdownTable(rows)}\n`);
