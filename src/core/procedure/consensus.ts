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
import { listRu } from './wording.js';

export function decideByConsensus(ballot: Ballot, rule: ConsensusRuleSpec, ctx: RuleContext): Verdict {
  const objectors = withPosition(ballot, 'no');
  if (objectors.length > 0) {
    note(ctx, rule, rule.cites, { en: `${list(objectors)} lodged an official objection; there is no consensus.`, ru: `${listRu(objectors)}: официальное возражение; консенсуса нет.` });
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
        {
          en: `${list(optedOut)} declared ${optedOut.length === 1 ? 'itself' : 'themselves'} not interested: this neither blocks the decision nor ${rule.optOut.binding ? 'releases the declarant from it' : 'binds the declarant'}.`,
          ru: `${listRu(optedOut)}: заявление о незаинтересованности; оно не препятствует принятию решения и ${rule.optOut.binding ? 'не освобождает заявившего от него' : 'не обязывает заявившего'}.`,
        },
      );
      if (!rule.optOut.binding) notBound.push(...optedOut);
    } else {
      note(ctx, rule, rule.cites, {
        en: `The rule in force provides no declaration of non-participation; ${list(optedOut)} ${optedOut.length === 1 ? 'is' : 'are'} treated as absent.`,
        ru: `Действующее правило не предусматривает заявления о неучастии; ${listRu(optedOut)} ${optedOut.length === 1 ? 'считается отсутствующим членом' : 'считаются отсутствующими членами'}.`,
      });
      silent = sorted([...silent, ...optedOut]);
    }
  }
  if (noObjection.length > 0) {
    if (rule.limitedFormat) {
      note(ctx, rule, rule.limitedFormat.cites, {
        en: `${list(noObjection)} did not take part and notified that ${noObjection.length === 1 ? 'it does' : 'they do'} not object: the others may adopt the decision in limited format, without ${noObjection.length === 1 ? 'it' : 'them'}.`,
        ru: `${listRu(noObjection)}: неучастие с уведомлением об отсутствии возражений; остальные могут принять решение в ограниченном формате, без участия ${listRu(noObjection)}.`,
      });
      notBound.push(...noObjection);
    } else {
      note(ctx, rule, rule.cites, {
        en: `${list(noObjection)} notified that ${noObjection.length === 1 ? 'it does' : 'they do'} not object; that is no objection, and the decision binds ${noObjection.length === 1 ? 'it' : 'them'}.`,
        ru: `${listRu(noObjection)}: уведомление об отсутствии возражений; это не возражение, и решение обязательно для ${listRu(noObjection)}.`,
      });
    }
  }

  const supporters = withPosition(ballot, 'yes', 'abstain');
  if (withPosition(ballot, 'yes').length === 0) {
    note(ctx, rule, rule.cites, { en: 'No entitled member supported the draft; nothing was adopted.', ru: 'Ни один член, имеющий право участвовать в принятии решения, не поддержал проект; решение не принято.' });
    return rejected('no-support');
  }

  const policy = rule.silentAbsence.policy;
  const cites = rule.silentAbsence.cites;
  let outcome: Verdict['outcome'] = 'adopted';
  const consensusWord = ballot.excluded.length > 0 ? `consensus-minus-${ballot.excluded.length}` : 'consensus';
  let reason = noObjection.length > 0 && rule.limitedFormat ? 'adopted-limited-format' : consensusWord;
  const bound = [...supporters];
  if (silent.length > 0) {
    const who = { en: `${list(silent)} ${silent.length === 1 ? 'was' : 'were'} absent without any notice`, ru: `${listRu(silent)}: отсутствие без какого-либо уведомления` };
    switch (policy) {
      case 'block':
        note(ctx, rule, cites, { en: `${who.en}; under this rule a silent absence prevents consensus.`, ru: `${who.ru}; по этому правилу молчаливое отсутствие препятствует консенсусу.` });
        return rejected('silent-absence', silent);
      case 'contested':
        note(ctx, rule, cites, {
          en: `${who.en}. Silence is not consent: the others' decision stands but is contested, and does not bind ${silent.length === 1 ? 'that member' : 'those members'} unless ${silent.length === 1 ? 'it accedes' : 'they accede'}.`,
          ru: `${who.ru}. Молчание не означает согласия: решение остальных действует, но оспаривается и не обязательно для ${listRu(silent)} до присоединения.`,
        });
        outcome = 'contested';
        reason = 'silent-absence';
        notBound.push(...silent);
        break;
      case 'open-for-accession':
        note(ctx, rule, cites, {
          en: `${who.en}; the decision is adopted by the others and stays open for ${silent.length === 1 ? 'its' : 'their'} later accession.`,
          ru: `${who.ru}; решение принято остальными и остаётся открытым для последующего присоединения ${listRu(silent)}.`,
        });
        reason = 'adopted-open-for-accession';
        notBound.push(...silent);
        break;
      case 'no-objection':
        note(ctx, rule, cites, {
          en: `${who.en}; absence is no objection under this rule, and the decision binds ${silent.length === 1 ? 'it' : 'them'}.`,
          ru: `${who.ru}; по этому правилу отсутствие не является возражением, и решение обязательно для ${listRu(silent)}.`,
        });
        bound.push(...silent);
        break;
    }
  }
  if (reason === consensusWord) {
    const setAside = ballot.excluded.length > 0;
    note(ctx, rule, rule.cites, {
      en: `No entitled member objected: adopted by consensus${setAside ? `, without ${list(ballot.excluded)}` : ''}.`,
      ru: `Ни один член, имеющий право участвовать в принятии решения, не возразил: принято консенсусом${setAside ? ` без участия ${listRu(ballot.excluded)}` : ''}.`,
    });
  }
  if (!rule.limitedFormat) bound.push(...noObjection);
  if (rule.optOut?.binding) bound.push(...optedOut);
  // Parties set aside (consensus-minus-N) are still members: the decision applies to them.
  bound.push(...ballot.excluded);
  return { outcome, reason, bound: sorted(bound), notBound: sorted(notBound), blockedBy: [], tally: {} };
}
