/**
 * `concord decide`: one JSON question in, one JSON answer out (ARCHITECTURE §3). Exit 0 whatever
 * the outcome; exit 2 with the field at fault on bad input.
 */
import { loadPack } from '../app/packs.js';
import { decide, inContractWords, isCalendarDate, parseDecideInput } from '../core/procedure/index.js';
import { EXIT_OK, printJson, readInput, refuse, today } from './io.js';

export interface DecideFlags {
  readonly framework: string;
  readonly input?: string;
  readonly asOf?: string;
  readonly now?: string;
  readonly pretty?: boolean;
}

export async function runDecide(flags: DecideFlags): Promise<number> {
  if (flags.asOf !== undefined && !isCalendarDate(flags.asOf)) return refuse('decide', `--as-of: expected a date YYYY-MM-DD, got "${flags.asOf}"`);
  if (flags.now !== undefined && Number.isNaN(Date.parse(flags.now))) return refuse('decide', `--now: expected an ISO 8601 date-time, got "${flags.now}"`);
  const loaded = loadPack(flags.framework);
  if (!loaded.ok) {
    const first = loaded.problems[0];
    return refuse('decide', `--framework: ${first ? `${first.file}${first.line > 0 ? `:${first.line}` : ''}: ${first.message}` : 'cannot load'}`);
  }
  let source: string;
  try {
    source = await readInput(flags.input);
  } catch (e) {
    return refuse('decide', `--input: cannot read ${flags.input ?? 'standard input'} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (e) {
    return refuse('decide', `input: malformed JSON (${(e as SyntaxError).message})`);
  }
  const parsed = parseDecideInput(raw, today());
  if (!parsed.ok) return refuse('decide', `${parsed.field}: ${parsed.message}`);
  const result = decide(loaded.pack, parsed.input, { asOf: flags.asOf, now: flags.now ?? new Date().toISOString() });
  if (!result.ok) return refuse('decide', `${result.refusal.field}: ${result.refusal.message}`);
  printJson(inContractWords(result.decision), flags.pretty ?? false);
  return EXIT_OK;
}
