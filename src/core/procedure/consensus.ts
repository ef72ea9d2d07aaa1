/**
 * Consensus: adopted when no entitled member has lodged an official objection.
 *
 * Declarations of non-participation (the CSTO's 2010 mechanism), "limited format" adoption over an
 * absent member's no-objection notice, and the treatment of an absent member that sent nothing are
 * each the pack's to configure, because the precedents disagree (Belarus 2009, Armenia 2023–2025).
 */
import type { ConsensusRuleSpec } from '../framework/index.js';
import { list, withPosition, type Ballot } from './ballot.js';
import { note, quorumMet, rejected, sorted, type RuleContext, type Verdict } from './verdict.js';

export function decideByConsensus(ballot: Ballot, rule: ConsensusRuleSpec, ctx: RuleContext): Verdict {
  const objectors = withPosition(ballot, 'no');
  if (objectors.length > 0) {
    note(ctx, rule, rule.cites, `${list(objectors)} lodged an official objection; there is no consensus.`);
    return rejected('objection', objectors);
  }
  if (!quorumMet(ballot, rule, ctx)) return rejected('no-quorum');

  const optedOut = withPosition(ballot, 'opt-out');
  const noObjection = withPosition(ballot, 'no-objection');
  let silent = withPosition(ballot, 'absent');
  const notBound: string[] = [];

  if (optedOut.length > 0) {
    if (rule.optOut) {
      note(
        ctx,
        rule,
        rule.optOut.cites,
        `${list(optedOut)} declared ${optedOut.length === 1 ? 'itself' : 'themselves'} not interested: this neither blocks the decision nor ${rule.optOut.binding ? 'releases the declarant from it' : 'binds the declarant'}.`,
      );
      if (!rule.optOut.binding) notBound.push(...optedOut);
    } else {
      note(ctx, rule, rule.cites, `The rule in force provides no declaration of non-participation; ${list(optedOut)} ${optedOut.length === 1 ? 'is' : 'are'} treated as absent.`);
      silent = sorted([...silent, ...optedOut]);
    }
  }
  if (noObjection.length > 0) {
    if (rule.limitedFormat) {
      note(ctx, rule, rule.limitedFormat.cites, `${list(noObjection)} did not take part and notified that ${noObjection.length === 1 ? 'it does' : 'they do'} not object: the others may adopt the decision in limited format, without ${noObjection.length === 1 ? 'it' : 'them'}.`);
      notBound.push(...noObjection);
    } else {
      note(ctx, rule, rule.cites, `${list(noObjection)} notified that ${noObjection.length === 1 ? 'it does' : 'they do'} not object; that is no objection, and the decision binds ${noObjection.length === 1 ? 'it' : 'them'}.`);
    }
  }

  const supporters = withPosition(ballot, 'yes', 'abstain');
  if (withPosition(ballot, 'yes').length === 0) {
    note(ctx, rule, rule.cites, 'No entitled member supported the draft; nothing was adopted.');
    return rejected('no-support');
  }

  const policy = rule.silentAbsence.policy;
  const cites = rule.silentAbsence.cites;
  let outcome: Verdict['outcome'] = 'adopted';
  const consensusWord = ballot.excluded.length > 0 ? `consensus-minus-${ballot.excluded.length}` : 'consensus';
  let reason = noObjection.length > 0 && rule.limitedFormat ? 'adopted-limited-format' : consensusWord;
  const bound = [...supporters];
  if (silent.length > 0) {
    const who = `${list(silent)} ${silent.length === 1 ? 'was' : 'were'} absent without any notice`;
    switch (policy) {
      case 'block':
        note(ctx, rule, cites, `${who}; under this rule a silent absence prevents consensus.`);
        return rejected('silent-absence', silent);
      case 'contested':
        note(ctx, rule, cites, `${who}. Silence is not consent: the others' decision stands but is contested, and does not bind ${silent.length === 1 ? 'that member' : 'those members'} unless ${silent.length === 1 ? 'it accedes' : 'they accede'}.`);
        outcome = 'contested';
        reason = 'silent-absence';
        notBound.push(...silent);
        break;
      case 'open-for-accession':
        note(ctx, rule, cites, `${who}; the decision is adopted by the others and stays open for ${silent.length === 1 ? 'its' : 'their'} later accession.`);
        reason = 'adopted-open-for-accession';
        notBound.push(...silent);
        break;
      case 'no-objection':
        note(ctx, rule, cites, `${who}; absence is no objection under this rule, and the decision binds ${silent.length === 1 ? 'it' : 'them'}.`);
        bound.push(...silent);
        break;
    }
  }
  if (reason === consensusWord) {
    const without = ballot.excluded.length > 0 ? `, without ${list(ballot.excluded)}` : '';
    note(ctx, rule, rule.cites, `No entitled member objected: adopted by consensus${without}.`);
  }
  if (!rule.limitedFormat) bound.push(...noObjection);
  if (rule.optOut?.binding) bound.push(...optedOut);
  // Parties set aside (consensus-minus-N) are still members: the decision applies to them.
  bound.push(...ballot.excluded);
  return { outcome, reason, bound: sorted(bound), notBound: sorted(notBound), blockedBy: [], tally: {} };
}
