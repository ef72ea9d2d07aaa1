/**
 * Plain-language descriptions of a pack's rules, for people reading a summary of the framework.
 */
import type { Pack, PackRule } from './schema.js';

function share(text: string): string {
  const [n = '', d = ''] = text.split('/');
  return d === '100' ? `${n} %` : `${n}/${d}`;
}

export function describeRule(rule: PackRule): string {
  const parts: string[] = [];
  switch (rule.primitive) {
    case 'consensus':
      parts.push('consensus: any official objection blocks');
      if (rule.optOut) parts.push(`a declared non-participant neither blocks nor is ${rule.optOut.binding ? 'released' : 'bound'}`);
      if (rule.limitedFormat) parts.push("an absent member's no-objection notice allows adoption in limited format");
      parts.push(
        {
          block: 'a silent absence blocks',
          contested: 'a silent absence leaves the decision contested, never counted as consent',
          'open-for-accession': 'a silent absentee is left out and may accede later',
          'no-objection': 'absence is no objection',
        }[rule.silentAbsence.policy],
      );
      break;
    case 'unanimity':
      parts.push(`unanimity; abstention ${rule.abstentionBlocks ? 'blocks' : 'does not block'}; absence ${rule.absenceBlocks ? 'blocks' : 'does not block'}`);
      if (rule.constructiveAbstention) {
        const ca = rule.constructiveAbstention;
        parts.push(`constructive abstention, failing at ${share(ca.statesShare)} of states and ${share(ca.populationShare)} of ${ca.table}`);
      }
      break;
    case 'majority': {
      const t = rule.threshold;
      parts.push('count' in t ? `${t.count} affirmative votes` : `${t.strict ? 'more than' : 'at least'} ${share(t.share)} of ${rule.base}`);
      if (rule.veto) parts.push(`veto of the permanent members (abstention ${rule.veto.abstentionIsVeto ? 'is' : 'is not'} a veto)`);
      break;
    }
    case 'qualified-majority':
      parts.push(
        rule.criteria
          .map((c) => `${share(c.share)} of ${c.measure}${c.minimum ? ` (at least ${c.minimum})` : ''}${c.onRequest ? ' on request' : ''}`)
          .join(' and '),
      );
      if (rule.blockingMinority) {
        const bm = rule.blockingMinority;
        parts.push('minimumStates' in bm ? `a blocking minority needs ${bm.minimumStates} members` : `a blocking minority needs more than ${share(bm.populationOver)} of ${bm.table} plus ${bm.plus}`);
      }
      if (rule.partialParticipation) parts.push('recalculated when not all members take part');
      break;
  }
  if (rule.parties) parts.push(`parties do not take part${rule.parties.max ? ` (consensus-minus-${rule.parties.max})` : ''}`);
  if (rule.quorum) parts.push(`quorum ${rule.quorum.strict ? 'more than' : 'at least'} ${share(rule.quorum.share)} of members`);
  return parts.join('; ');
}

/** "charter:19" → "Charter of the CSTO, Art. 19 (Membership)". */
export function describeCitation(pack: Pack, citation: string): string {
  const [instrumentId = '', articleId = ''] = citation.split(':');
  const instrument = pack.instruments.find((i) => i.id === instrumentId);
  const article = instrument?.articles.find((a) => a.id === articleId);
  if (!instrument || !article) return citation;
  const label = /^\d/.test(article.id) ? `Art. ${article.id}` : article.id;
  return `${instrument.title.en}, ${label} (${article.title})${article.unconfirmed ? ' [unconfirmed]' : ''}`;
}
