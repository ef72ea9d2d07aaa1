/**
 * The ballot: who may take part in this decision and where each of them stands, after parties
 * are set aside and replies that came too late are disregarded.
 */
import type { PackRule } from '../framework/index.js';
import type { CastPosition, PositionWord, TraceEntry } from './types.js';
import { listRu, positionRu, traceEntry } from './wording.js';

export interface Ballot {
  /** Every seat on the body for this decision. */
  readonly composition: readonly string[];
  readonly permanent: readonly string[];
  /** Members of the body that do not take part because they are parties or concerned. */
  readonly excluded: readonly string[];
  /** The members whose positions count. */
  readonly entitled: readonly string[];
  readonly positions: ReadonlyMap<string, PositionWord>;
  /** Replies that arrived after the deadline; they count as no reply. */
  readonly late: readonly string[];
  /** Members of the body in the framework that do not take part in this decision at all. */
  readonly nonParticipating: readonly string[];
}

export function withPosition(ballot: Ballot, ...words: PositionWord[]): string[] {
  return ballot.entitled.filter((s) => words.includes(ballot.positions.get(s) ?? 'absent'));
}

export function countPositions(ballot: Ballot): Record<string, number> {
  const counts: Record<string, number> = { entitled: ballot.entitled.length };
  for (const word of ['yes', 'no', 'abstain', 'absent', 'opt-out', 'no-objection'] as const) {
    counts[word] = withPosition(ballot, word).length;
  }
  if (ballot.excluded.length > 0) counts.excluded = ballot.excluded.length;
  return counts;
}

interface BallotInput {
  readonly composition: readonly string[];
  readonly nonParticipating: readonly string[];
  readonly permanent: readonly string[];
  readonly parties: readonly string[];
  readonly positions: Readonly<Record<string, CastPosition>>;
  readonly procedure: 'vote' | 'written' | 'silence';
  readonly deadline: string | undefined;
  readonly rule: PackRule;
}

export function buildBallot(input: BallotInput, trace: TraceEntry[]): Ballot {
  const { rule } = input;
  const excluded = rule.parties ? input.composition.filter((s) => input.parties.includes(s)) : [];
  if (rule.parties && excluded.length > 0) {
    trace.push(
      traceEntry(rule.id, rule.parties.cites, {
        en: `${list(excluded)} ${excluded.length === 1 ? 'is a party' : 'are parties'} and ${excluded.length === 1 ? 'does' : 'do'} not take part in the decision.`,
        ru: `${listRu(excluded)}: ${excluded.length === 1 ? 'заинтересованная сторона; в принятии решения не участвует' : 'заинтересованные стороны; в принятии решения не участвуют'}.`,
      }),
    );
    for (const s of excluded) {
      const p = input.positions[s];
      if (p && p.position !== 'absent' && p.position !== 'abstain') {
        trace.push(traceEntry(rule.id, rule.parties.cites, { en: `${s}'s "${p.position}" is not counted: a party does not vote.`, ru: `Позиция ${s} («${positionRu(p.position)}») не учитывается: заинтересованная сторона не голосует.` }));
      }
    }
  }
  const entitled = input.composition.filter((s) => !excluded.includes(s));
  const positions = new Map<string, PositionWord>();
  const late: string[] = [];
  const deadline = input.deadline === undefined ? undefined : Date.parse(input.deadline);
  for (const s of entitled) {
    const cast = input.positions[s];
    const arrivedLate = cast?.at !== undefined && deadline !== undefined && Date.parse(cast.at) > deadline;
    if (cast && arrivedLate && input.procedure !== 'vote' && cast.position !== 'absent') {
      late.push(s);
      positions.set(s, 'absent');
    } else {
      positions.set(s, cast?.position ?? 'absent');
    }
  }
  return {
    composition: input.composition,
    permanent: input.permanent,
    excluded,
    entitled,
    positions,
    late,
    nonParticipating: input.nonParticipating,
  };
}

export function list(states: readonly string[]): string {
  if (states.length <= 1) return states.join('');
  return `${states.slice(0, -1).join(', ')} and ${states[states.length - 1] ?? ''}`;
}
