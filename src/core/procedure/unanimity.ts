/**
 * Unanimity: every entitled member must agree. Whether an abstention or an absence stands in the
 * way is the pack's to say (Art. 238(4) TFEU: abstention does not prevent unanimity). Constructive
 * abstention (Art. 31(1) TEU) releases a declarant from applying the decision, but the draft falls
 * when the declarants reach the configured shares of states and of population.
 */
import type { UnanimityRuleSpec } from '../framework/index.js';
import { list, withPosition, type Ballot } from './ballot.js';
import { formatShare, meetsShare, parseShare } from './share.js';
import { note, quorumMet, rejected, sorted, type RuleContext, type Verdict } from './verdict.js';
import { listRu, measureRu } from './wording.js';

export function decideByUnanimity(ballot: Ballot, rule: UnanimityRuleSpec, ctx: RuleContext): Verdict {
  const against = withPosition(ballot, 'no');
  if (against.length > 0) {
    note(ctx, rule, rule.cites, { en: `${list(against)} voted against; unanimity is not reached.`, ru: `${listRu(against)}: «против»; единогласия нет.` });
    return rejected('vote-against', against);
  }
  if (!quorumMet(ballot, rule, ctx)) return rejected('no-quorum');

  const declarants = rule.constructiveAbstention ? withPosition(ballot, 'opt-out') : [];
  const abstainers = withPosition(ballot, 'abstain', ...(rule.constructiveAbstention ? [] : (['opt-out'] as const)));
  const absent = withPosition(ballot, 'absent', 'no-objection');
  if (rule.abstentionBlocks && abstainers.length > 0) {
    note(ctx, rule, rule.cites, { en: `${list(abstainers)} abstained, and under this rule an abstention prevents unanimity.`, ru: `${listRu(abstainers)}: воздержание; по этому правилу воздержание препятствует единогласию.` });
    return rejected('abstention', abstainers);
  }
  if (rule.absenceBlocks && absent.length > 0) {
    note(ctx, rule, rule.cites, { en: `${list(absent)} did not take part, and under this rule unanimity needs every member.`, ru: `${listRu(absent)}: неучастие; по этому правилу для единогласия нужны все члены.` });
    return rejected('absence', absent);
  }
  if (abstainers.length > 0) note(ctx, rule, rule.cites, { en: `${list(abstainers)} abstained; an abstention does not prevent unanimity.`, ru: `${listRu(abstainers)}: воздержание; воздержание не препятствует единогласию.` });

  const abstention = constructiveAbstention(ballot, rule, ctx);
  const tally = abstention.tally;
  if (abstention.failed) return rejected('constructive-abstention-threshold', [], tally);
  if (withPosition(ballot, 'yes').length === 0) {
    note(ctx, rule, rule.cites, { en: 'No member voted in favour; nothing was adopted.', ru: 'Ни один член не проголосовал «за»; решение не принято.' });
    return rejected('no-support', [], tally);
  }
  note(ctx, rule, rule.cites, { en: 'No member voted against: adopted unanimously.', ru: 'Ни один член не проголосовал «против»: принято единогласно.' });
  const bound = ballot.composition.filter((s) => !declarants.includes(s));
  return { outcome: 'adopted', reason: 'unanimity', bound: sorted(bound), notBound: sorted(declarants), blockedBy: [], tally };
}

/**
 * Formal abstentions under Art. 31(1) TEU: the declarants are released from applying the
 * decision, and it fails once they reach the configured shares of the members and of the
 * population. Used by the vote and by the silence procedure alike.
 */
export function constructiveAbstention(ballot: Ballot, rule: UnanimityRuleSpec, ctx: RuleContext): { declarants: string[]; failed: boolean; tally: Record<string, unknown> } {
  const ca = rule.constructiveAbstention;
  const declarants = ca ? withPosition(ballot, 'opt-out') : [];
  if (!ca || declarants.length === 0) return { declarants, failed: false, tally: {} };
  const figures = ctx.tables.get(ca.table) ?? new Map<string, number>();
  const sum = (states: readonly string[]) => states.reduce((t, s) => t + (figures.get(s) ?? 0), 0);
  const states = meetsShare(declarants.length, ballot.entitled.length, parseShare(ca.statesShare), false);
  const people = meetsShare(sum(declarants), sum(ballot.entitled), parseShare(ca.populationShare), false);
  const tally = {
    constructiveAbstention: { states: declarants.length, ofStates: ballot.entitled.length, [ca.table]: sum(declarants), [`of${ca.table[0]?.toUpperCase() ?? ''}${ca.table.slice(1)}`]: sum(ballot.entitled) },
  };
  if (states && people) {
    note(ctx, rule, ca.cites, {
      en: `${list(declarants)} made formal declarations of abstention; they reach ${formatShare(ca.statesShare)} of the members and ${formatShare(ca.populationShare)} of the ${ca.table}, so the decision is not adopted.`,
      ru: `${listRu(declarants)}: официальные заявления о воздержании; заявившие составляют не менее ${formatShare(ca.statesShare)} членов и ${formatShare(ca.populationShare)} ${ca.table === 'population' ? 'населения' : `(${measureRu(ca.table)})`}, поэтому решение не принято.`,
    });
    return { declarants, failed: true, tally };
  }
  note(ctx, rule, ca.cites, {
    en: `${list(declarants)} abstained with a formal declaration: not obliged to apply the decision, but accepting that it commits the organization.`,
    ru: `${listRu(declarants)}: воздержание с официальным заявлением — без обязанности применять решение, но с признанием того, что оно обязывает организацию.`,
  });
  return { declarants, failed: false, tally };
}
