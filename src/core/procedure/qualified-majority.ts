/**
 * Double and triple majorities: the yes side must reach every criterion (a share of the states, of
 * the population, of weighted votes), each compared in integers. A blocking minority too small to
 * count means the majority is deemed attained (Art. 16(4) TEU; Art. 238(3) TFEU when not all
 * members take part).
 */
import type { BlockingMinoritySpec, QualifiedCriterion, QualifiedMajorityRuleSpec } from '../framework/index.js';
import { list, withPosition, type Ballot } from './ballot.js';
import { formatShare, meetsShare, parseShare } from './share.js';
import { note, quorumMet, rejected, sorted, type RuleContext, type Verdict } from './verdict.js';
import { listRu, measureRu, ruPlural } from './wording.js';

interface CriterionResult {
  readonly measure: string;
  readonly yes: number;
  readonly total: number;
  readonly share: string;
  readonly strict?: boolean;
  readonly minimum?: number;
  readonly met: boolean;
  readonly onRequest?: boolean;
}

export function decideByQualifiedMajority(ballot: Ballot, rule: QualifiedMajorityRuleSpec, ctx: RuleContext): Verdict {
  if (!quorumMet(ballot, rule, ctx)) return rejected('no-quorum');
  const optedOut = withPosition(ballot, 'opt-out');
  const participants = ballot.entitled.filter((s) => !optedOut.includes(s));
  const notTakingPart = sorted([...ballot.nonParticipating, ...optedOut]);
  const partial = notTakingPart.length > 0 && rule.partialParticipation !== undefined;
  const terms = partial && rule.partialParticipation ? rule.partialParticipation : { ...rule, cites: rule.cites };
  if (partial) {
    note(ctx, rule, terms.cites, {
      en: `${list(notTakingPart)} ${notTakingPart.length === 1 ? 'does' : 'do'} not take part; the thresholds are recalculated on the ${participants.length} participating members.`,
      ru: `${listRu(notTakingPart)}: неучастие; пороги пересчитываются по ${participants.length} ${ruPlural(participants.length, 'участвующему члену', 'участвующим членам', 'участвующим членам')}.`,
    });
  }

  const yes = participants.filter((s) => ballot.positions.get(s) === 'yes');
  // A criterion checked only on request is evaluated when its figures are at hand, and never decides.
  const results = terms.criteria
    .filter((c) => !c.onRequest || c.measure === 'states' || ctx.tables.has(c.measure))
    .map((c) => evaluate(c, yes, participants, ctx));
  for (const r of results) {
    const minimum = r.minimum === undefined ? '' : ` and at least ${r.minimum}`;
    const request = r.onRequest ? ' (checked only if a member asks)' : '';
    note(ctx, rule, terms.cites, {
      en: `${r.measure}: ${r.yes} of ${r.total} in favour; ${r.strict ? 'more than' : 'at least'} ${formatShare(r.share)}${minimum} required${request}: ${r.met ? 'met' : 'not met'}.`,
      ru: `${measureRu(r.measure)}: «за» ${r.yes} из ${r.total}; требуется ${r.strict ? 'более' : 'не менее'} ${formatShare(r.share)}${r.minimum === undefined ? '' : ` и не менее ${r.minimum}`}${r.onRequest ? ' (проверяется только по просьбе члена)' : ''}: ${r.met ? 'выполнено' : 'не выполнено'}.`,
    });
  }
  const tally = { participating: participants.length, criteria: results };
  const nonYes = participants.filter((s) => !yes.includes(s));
  if (results.every((r) => r.met || r.onRequest)) {
    return { outcome: 'adopted', reason: 'qualified-majority', bound: sorted(participants), notBound: notTakingPart, blockedBy: [], tally };
  }
  const blocking = terms.blockingMinority;
  if (blocking) {
    const needed = blockingMinimum(blocking, participants, ctx);
    if (nonYes.length < needed) {
      note(ctx, rule, terms.cites, {
        en: `Only ${nonYes.length} participating ${nonYes.length === 1 ? 'member is' : 'members are'} not in favour; a blocking minority needs at least ${needed}, so the qualified majority is deemed attained.`,
        ru: `Проект не поддержан лишь ${nonYes.length} ${ruPlural(nonYes.length, 'участвующим членом', 'участвующими членами', 'участвующими членами')}; для блокирующего меньшинства нужно не менее ${needed}, поэтому квалифицированное большинство считается достигнутым.`,
      });
      return { outcome: 'adopted', reason: 'qualified-majority-deemed-attained', bound: sorted(participants), notBound: notTakingPart, blockedBy: [], tally: { ...tally, blockingMinimum: needed } };
    }
  }
  return rejected('no-qualified-majority', [], tally);
}

function evaluate(c: QualifiedCriterion, yes: readonly string[], participants: readonly string[], ctx: RuleContext): CriterionResult {
  const figures = c.measure === 'states' ? undefined : ctx.tables.get(c.measure);
  const weigh = (states: readonly string[]) => states.reduce((t, s) => t + (figures ? (figures.get(s) ?? 0) : 1), 0);
  const yesWeight = weigh(yes);
  const total = weigh(participants);
  const met = meetsShare(yesWeight, total, parseShare(c.share), c.strict ?? false) && (c.minimum === undefined || yes.length >= c.minimum);
  return {
    measure: c.measure,
    yes: yesWeight,
    total,
    share: c.share,
    ...(c.strict ? { strict: true } : {}),
    ...(c.minimum === undefined ? {} : { minimum: c.minimum }),
    met,
    ...(c.onRequest ? { onRequest: true } : {}),
  };
}

/** The fewest members that can block: a fixed number, or the fewest holding more than a share of a table, plus some. */
function blockingMinimum(spec: BlockingMinoritySpec, participants: readonly string[], ctx: RuleContext): number {
  if ('minimumStates' in spec) return spec.minimumStates;
  const figures = ctx.tables.get(spec.table) ?? new Map<string, number>();
  const weights = participants.map((s) => figures.get(s) ?? 0).sort((a, b) => b - a);
  const total = weights.reduce((a, b) => a + b, 0);
  const share = parseShare(spec.populationOver);
  let held = 0;
  for (const [i, w] of weights.entries()) {
    held += w;
    if (meetsShare(held, total, share, true)) return i + 1 + spec.plus;
  }
  return weights.length + spec.plus;
}
