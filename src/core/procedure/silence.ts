/**
 * The silence procedure: a draft circulated with a deadline is adopted unless an entitled member
 * breaks silence with a written objection received by the deadline (NATO practice; OSCE Rules of
 * Procedure, Annex 1(A)). Replies other than an objection, and no reply, keep silence.
 */
import type { PackRule } from '../framework/index.js';
import { list, withPosition, type Ballot } from './ballot.js';
import { constructiveAbstention } from './unanimity.js';
import { note, rejected, sorted, type RuleContext, type Verdict } from './verdict.js';
import { listRu } from './wording.js';

export function decideBySilence(ballot: Ballot, rule: PackRule, cites: readonly string[], deadline: string, ctx: RuleContext): Verdict {
  const tally = { objections: withPosition(ballot, 'no').length, late: ballot.late.length };
  if (ballot.late.length > 0) {
    note(ctx, rule, cites, {
      en: `${list(ballot.late)}: received after the deadline of ${deadline}; a late reply does not break silence.`,
      ru: `${listRu(ballot.late)}: ответ получен после истечения срока (${deadline}); поздний ответ не нарушает молчания.`,
    });
  }
  const objectors = withPosition(ballot, 'no');
  if (objectors.length > 0) {
    note(ctx, rule, cites, {
      en: `${list(objectors)} broke silence with an objection received by ${deadline}: the draft is not adopted.`,
      ru: `${listRu(objectors)}: молчание нарушено возражением, полученным до истечения срока (${deadline}): проект не принят.`,
    });
    return rejected('silence-broken', objectors, tally);
  }
  // Formal abstentions still count under a silence procedure (CFSP, Art. 31(1) TEU).
  const abstention = rule.primitive === 'unanimity' ? constructiveAbstention(ballot, rule, ctx) : undefined;
  if (abstention?.failed) return rejected('constructive-abstention-threshold', [], { ...tally, ...abstention.tally });
  note(ctx, rule, cites, {
    en: `No objection was received by ${deadline}: silence was kept and the draft is adopted.`,
    ru: `До истечения срока (${deadline}) возражений не поступило: молчание соблюдено, проект принят.`,
  });
  const optedOut = rule.primitive === 'consensus' && rule.optOut && !rule.optOut.binding ? withPosition(ballot, 'opt-out') : (abstention?.declarants ?? []);
  const bound = ballot.composition.filter((s) => !optedOut.includes(s));
  return { outcome: 'adopted', reason: 'silence-kept', bound: sorted(bound), notBound: sorted(optedOut), blockedBy: [], tally: { ...tally, ...abstention?.tally } };
}
