/**
 * Majorities counted against all members, those present or those voting, by a number of votes or
 * a share; optionally with the permanent members' veto, where an abstention or absence is a veto
 * only if the pack says so (UN Charter Art. 27(3) as read since 1946).
 */
import type { MajorityRuleSpec } from '../framework/index.js';
import { list, withPosition, type Ballot } from './ballot.js';
import { formatShare, meetsShare, parseShare } from './share.js';
import { note, quorumMet, rejected, sorted, type RuleContext, type Verdict } from './verdict.js';

const BASE_WORDS = { members: 'members', present: 'members present and voting or abstaining', voting: 'members voting' } as const;

export function decideByMajority(ballot: Ballot, rule: MajorityRuleSpec, ctx: RuleContext): Verdict {
  if (!quorumMet(ballot, rule, ctx)) return rejected('no-quorum');
  const yes = withPosition(ballot, 'yes').length;
  const no = withPosition(ballot, 'no').length;
  const base = { members: ballot.entitled.length, present: yes + no + withPosition(ballot, 'abstain').length, voting: yes + no }[rule.base];
  const t = rule.threshold;
  const reached = 'count' in t ? yes >= t.count : meetsShare(yes, base, parseShare(t.share), t.strict);
  const required = 'count' in t ? `${t.count} affirmative votes` : `${t.strict ? 'more than' : 'at least'} ${formatShare(t.share)} of the ${BASE_WORDS[rule.base]} (${base})`;
  const tally = { required: 'count' in t ? t.count : `${t.share} of ${base}`, base };
  note(ctx, rule, rule.cites, `${yes} in favour, ${no} against; ${required} ${reached ? 'are' : 'are not'} reached.`);

  const veto = rule.veto;
  const vetoes = veto
    ? ballot.permanent.filter((s) => {
        const p = ballot.positions.get(s);
        return p === 'no' || (p === 'abstain' && veto.abstentionIsVeto) || ((p === 'absent' || p === undefined) && veto.absenceIsVeto);
      }).filter((s) => ballot.entitled.includes(s))
    : [];
  if (!reached) {
    if (veto && vetoes.length > 0) note(ctx, rule, veto.cites, `${list(vetoes)} voted against as permanent ${vetoes.length === 1 ? 'member' : 'members'}, but the draft already lacked the votes: no veto is needed to defeat it.`);
    return rejected('majority-not-reached', [], tally);
  }
  if (veto) {
    const abstaining = ballot.permanent.filter((s) => ballot.positions.get(s) === 'abstain' && !veto.abstentionIsVeto);
    if (abstaining.length > 0) note(ctx, rule, veto.cites, `${list(abstaining)} abstained as permanent ${abstaining.length === 1 ? 'member' : 'members'}; an abstention is not a veto.`);
    if (vetoes.length > 0) {
      note(ctx, rule, veto.cites, `${list(vetoes)}, permanent ${vetoes.length === 1 ? 'member' : 'members'}, voted against: the draft is vetoed.`);
      return rejected('veto', vetoes, tally);
    }
  }
  return { outcome: 'adopted', reason: 'majority', bound: sorted(ballot.composition), notBound: [], blockedBy: [], tally };
}
