/**
 * The engine's findings in the Organization's two working languages. English is the answer of
 * `concord decide` (its contract); Russian goes with it wherever a reader works in Russian (the
 * notification to a member, the desk). Russian sentences are built around the state codes without
 * verbs that would have to agree with them in gender.
 */
import type { PositionWord, TraceEntry } from './types.js';

/** One finding, said in English and in Russian. */
export interface Said {
  readonly en: string;
  readonly ru: string;
}

export function traceEntry(rule: string, cites: readonly string[], said: Said): TraceEntry {
  return { rule, cites, finding: said.en, findingRu: said.ru };
}

/** The answer of `concord decide` as the contract words it: the findings in English only. */
export function inContractWords<T extends { readonly trace: readonly TraceEntry[] }>(decision: T): T {
  return { ...decision, trace: decision.trace.map(({ rule, cites, finding }) => ({ rule, cites, finding })) };
}

/** "ARM, BLR и KAZ". */
export function listRu(states: readonly string[]): string {
  if (states.length <= 1) return states.join('');
  return `${states.slice(0, -1).join(', ')} и ${states[states.length - 1] ?? ''}`;
}

/** The Russian form for a count: 1 член, 2 члена, 5 членов (21 член, 22 члена, 11 членов). */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

/** "6 членов", "2 члена", "1 член": members counted. */
export function membersRu(n: number): string {
  return ruPlural(n, 'член', 'члена', 'членов');
}

/** "из 6 членов", "из 21 члена": members counted after "из". */
export function ofMembersRu(n: number): string {
  return ruPlural(n, 'члена', 'членов', 'членов');
}

const MEASURES_RU: Readonly<Record<string, string>> = { states: 'государства', population: 'население', votes: 'взвешенные голоса' };
const POSITIONS_RU: Readonly<Record<PositionWord, string>> = { yes: 'за', no: 'против', abstain: 'воздержался', absent: 'отсутствует', 'opt-out': 'заявление о незаинтересованности', 'no-objection': 'нет возражений' };
const PROCEDURES_RU: Readonly<Record<string, string>> = { vote: 'голосование', written: 'письменная процедура', silence: 'процедура молчания' };
const QUESTIONS_RU: Readonly<Record<string, string>> = { substantive: 'Вопросы существа', procedural: 'Процедурные вопросы' };

export function positionRu(position: PositionWord): string {
  return POSITIONS_RU[position];
}

export function measureRu(measure: string): string {
  return MEASURES_RU[measure] ?? measure;
}

export function procedureRu(procedure: string): string {
  return PROCEDURES_RU[procedure] ?? procedure;
}

export function questionRu(question: string): string {
  return QUESTIONS_RU[question] ?? `Вопросы «${question}»`;
}
