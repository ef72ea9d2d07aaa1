/**
 * Majorities counted against all members, those present or those voting, by a number of votes or
 * a share; optionally with the permanent members' veto, where an abstention or absence is a veto
 * only if the pack says so (UN Charter Art. 27(3) as read since 1946).
 */
import type { MajorityRuleSpec } from '../framework/index.js';
import { list, withPosition, type Ballot } from './ballot.js';
import { formatShare, meetsShare, parseShare } from './share.js';
import { note, quorumMet, rejected, sorted, type RuleContext, type Verdict } from './verdict.js';
import { listRu, ruPlural } from './wording.js';

const BASE_WORDS = { members: 'members', present: 'members present and voting or abstaining', voting: 'members voting' } as const;
const BASE_WORDS_RU = { members: 'членов', present: 'членов, присутствующих и голосующих или воздержавшихся', voting: 'голосующих членов' } as const;

export function decideByMajority(ballot: Ballot, rule: MajorityRuleSpec, ctx: RuleContext): Verdict {
  if (!quorumMet(ballot, rule, ctx)) return rejected('no-quorum');
  const yes = withPosition(ballot, 'yes').length;
  const no = withPosition(ballot, 'no').length;
  const base = { members: ballot.entitled.length, present: yes + no + withPosition(ballot, 'abstain').length, voting: yes + no }[rule.base];
  const t = rule.threshold;
  const reached = 'count' in t ? yes >= t.count : meetsShare(yes, base, parseShare(t.share), t.strict);
  const required = 'count' in t ? `${t.count} affirmative votes` : `${t.strict ? 'more than' : 'at least'} ${formatShare(t.share)} of the ${BASE_WORDS[rule.base]} (${base})`;
  const requiredRu = 'count' in t ? `${t.count} ${ruPlural(t.count, 'голос', 'голоса', 'голосов')} «за»` : `${t.strict ? 'более' : 'не менее'} ${formatShare(t.share)} ${BASE_WORDS_RU[rule.base]} (${base})`;
  const tally = { required: 'count' in t ? t.count : `${t.share} of ${base}`, base };
  note(ctx, rule, rule.cites, {
    en: `${yes} in favour, ${no} against; ${required} ${reached ? 'are' : 'are not'} reached.`,
    ru: `«За» — ${yes}, «против» — ${no}; требуемое большинство (${requiredRu}) ${reached ? 'достигнуто' : 'не достигнуто'}.`,
  });

  const veto = rule.veto;
  const vetoes = veto
    ? ballot.permanent.filter((s) => {
        const p = ballot.positions.get(s);
        return p === 'no' || (p === 'abstain' && veto.abstentionIsVeto) || ((p === 'absent' || p === undefined) && veto.absenceIsVeto);
      }).filter((s) => ballot.entitled.includes(s))
    : [];
  if (!reached) {
    if (veto && vetoes.length > 0) {
      note(ctx, rule, veto.cites, {
        en: `${list(vetoes)} voted against as permanent ${vetoes.length === 1 ? 'member' : 'members'}, but the draft already lacked the votes: no veto is needed to defeat it.`,
        ru: `${listRu(vetoes)} (${permanentRu(vetoes)}): «против», но проекту и без того недоставало голосов: вето для его отклонения не требуется.`,
      });
    }
    return rejected('majority-not-reached', [], tally);
  }
  if (veto) {
    const abstaining = ballot.permanent.filter((s) => ballot.positions.get(s) === 'abstain' && !veto.abstentionIsVeto);
    if (abstaining.length > 0) {
      note(ctx, rule, veto.cites, {
        en: `${list(abstaining)} abstained as permanent ${abstaining.length === 1 ? 'member' : 'members'}; an abstention is not a veto.`,
        ru: `${listRu(abstaining)} (${permanentRu(abstaining)}): воздержание; воздержание не является вето.`,
      });
    }
    if (vetoes.length > 0) {
      note(ctx, rule, veto.cites, {
        en: `${list(vetoes)}, permanent ${vetoes.length === 1 ? 'member' : 'members'}, voted against: the draft is vetoed.`,
        ru: `${listRu(vetoes)} (${permanentRu(vetoes)}): «против» — на проект наложено вето.`,
      });
      return rejected('veto', vetoes, tally);
    }
  }
  return { outcome: 'adopted', reason: 'majority', bound: sorted(ballot.composition), notBound: [], blockedBy: [], tally };
}

function permanentRu(states: readonly string[]): string {
  return states.length === 1 ? 'постоянный член' : 'постоянные члены';
}
