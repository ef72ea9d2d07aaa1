/**
 * What a rule primitive concludes from a ballot, before the procedure's timing is considered.
 */
import type { PackRule } from '../framework/index.js';
import { withPosition, type Ballot } from './ballot.js';
import { formatShare, meetsShare, parseShare } from './share.js';
import type { TraceEntry } from './types.js';
import { ofMembersRu, ruPlural, traceEntry, type Said } from './wording.js';

export interface Verdict {
  readonly outcome: 'adopted' | 'rejected' | 'contested';
  readonly reason: string;
  readonly bound: readonly string[];
  readonly notBound: readonly string[];
  readonly blockedBy: readonly string[];
  readonly tally: Readonly<Record<string, unknown>>;
}

export interface RuleContext {
  readonly trace: TraceEntry[];
  /** Figures by table and state, the pack's overlaid with the caller's. */
  readonly tables: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export function rejected(reason: string, blockedBy: readonly string[] = [], tally: Record<string, unknown> = {}): Verdict {
  return { outcome: 'rejected', reason, bound: [], notBound: [], blockedBy: [...blockedBy].sort(), tally };
}

export function note(ctx: RuleContext, rule: { id: string }, cites: readonly string[], said: Said): void {
  ctx.trace.push(traceEntry(rule.id, cites, said));
}

/**
 * The quorum, where the rule sets one: members present are those who voted, abstained, or made
 * a declaration at the meeting (a formal abstention is made by a member taking part).
 */
export function quorumMet(ballot: Ballot, rule: PackRule, ctx: RuleContext): boolean {
  const quorum = rule.quorum;
  if (!quorum) return true;
  const present = withPosition(ballot, 'yes', 'no', 'abstain', 'opt-out').length;
  const members = ballot.entitled.length;
  const met = meetsShare(present, members, parseShare(quorum.share), quorum.strict);
  note(
    ctx,
    rule,
    quorum.cites,
    {
      en: `${present} of ${members} members present; the quorum of ${quorum.strict ? 'more than' : 'at least'} ${formatShare(quorum.share)} ${met ? 'is met' : 'is not met'}.`,
      ru: `${ruPlural(present, 'Присутствует', 'Присутствуют', 'Присутствуют')} ${present} из ${members} ${ofMembersRu(members)}; кворум (${quorum.strict ? 'более' : 'не менее'} ${formatShare(quorum.share)}) ${met ? 'имеется' : 'отсутствует'}.`,
    },
  );
  return met;
}

/** Distinct and in alphabetical order; most inputs already are, so check before sorting. */
export function sorted(states: Iterable<string>): string[] {
  const distinct = [...new Set(states)];
  for (let i = 1; i < distinct.length; i++) {
    if ((distinct[i - 1] ?? '') > (distinct[i] ?? '')) return distinct.sort();
  }
  return distinct;
}
