/**
 * decide(): what the legal framework says the outcome of a draft is, and why. Pure: the pack,
 * the question and the present instant (for deadlines) come in as arguments.
 */
import {
  compositionOn,
  figuresOf,
  findBody,
  inForce,
  procedureOf,
  questionOf,
  ruleInForce,
  tableInForce,
  type Pack,
  type PackRule,
} from '../framework/index.js';
import { buildBallot, countPositions, list, withPosition } from './ballot.js';
import { decideByConsensus } from './consensus.js';
import { ISO_ALPHA3 } from './iso-3166.js';
import { decideByMajority } from './majority.js';
import { decideByQualifiedMajority } from './qualified-majority.js';
import { decideBySilence } from './silence.js';
import type { DecideInput, DecideOptions, DecideResult, Ruling, Refusal, TraceEntry } from './types.js';
import { decideByUnanimity } from './unanimity.js';
import { sorted, type RuleContext, type Verdict } from './verdict.js';
import { listRu, membersRu, procedureRu, questionRu, traceEntry, type Said } from './wording.js';

export function decide(pack: Pack, input: DecideInput, options: DecideOptions = {}): DecideResult {
  const refuse = (code: Refusal['code'], field: string, message: string): DecideResult => ({ ok: false, refusal: { code, field, message } });
  const founded = pack.organization.founded;
  if (input.date < founded) return refuse('date-out-of-range', 'date', `${input.date} is before ${pack.organization.abbreviation.en} existed (founded ${founded})`);
  if (options.asOf !== undefined && options.asOf < founded) return refuse('date-out-of-range', 'asOf', `${options.asOf} is before ${pack.organization.abbreviation.en} existed (founded ${founded})`);

  const body = findBody(pack, input.body);
  if (!body) return refuse('unknown-body', 'body', `unknown body "${input.body}"; ${pack.id} has: ${pack.bodies.map((b) => b.id).join(', ')}`);
  if (!inForce(body, input.date)) return refuse('date-out-of-range', 'date', `the ${body.name.en} did not exist on ${input.date} (${body.validFrom}${body.validTo ? ` to ${body.validTo}` : ' onwards'})`);
  const question = questionOf(body, input.question);
  if (!question) return refuse('unknown-question', 'question', `unknown question "${input.question}"; the ${body.name.en} decides: ${Object.keys(body.questions).join(', ')}`);
  const terms = procedureOf(question, input.procedure);
  if (!terms) return refuse('procedure-not-allowed', 'procedure', `the ${body.name.en} does not decide ${input.question} questions by "${input.procedure}"; allowed: ${Object.keys(question.procedures).join(', ')}`);
  if (input.procedure === 'silence' && input.deadline === undefined) return refuse('deadline-required', 'deadline', 'a silence procedure needs a deadline (an ISO 8601 date-time)');

  const rulesDate = options.asOf ?? input.date;
  const rule = ruleInForce(pack, question.rule, rulesDate);
  if (!rule) return refuse('no-rule-in-force', options.asOf ? 'asOf' : 'date', `no version of rule "${question.rule}" was in force on ${rulesDate}`);

  const known = knownStates(pack);
  const unknown = (codes: readonly string[] | undefined, field: string) => {
    const bad = (codes ?? []).find((c) => !known.has(c));
    return bad === undefined ? undefined : refuse('unknown-state', field, `"${bad}" is not an ISO 3166-1 alpha-3 code of a state`);
  };
  const framed = compositionOn(pack, body, input.date);
  const badCode = unknown(input.members, 'members') ?? unknown(input.parties, 'parties') ?? unknown(Object.keys(input.positions), 'positions');
  if (badCode) return badCode;
  const composition = input.members ? sorted(input.members) : [...framed.members];
  if (composition.length === 0) return refuse('date-out-of-range', 'date', `the ${body.name.en} has no known members on ${input.date}; give "members"`);
  const seated = new Set(composition);
  const stranger = Object.keys(input.positions).find((s) => !seated.has(s));
  if (stranger) return refuse('not-on-body', `positions.${stranger}`, `${stranger} does not sit on the ${body.name.en} on ${input.date}; members: ${composition.join(', ')}`);
  const parties = sorted(input.parties ?? []);
  const max = rule.parties?.max;
  const partiesOnBody = parties.filter((s) => seated.has(s));
  if (max !== undefined && partiesOnBody.length > max) return refuse('too-many-parties', 'parties', `rule "${rule.id}" sets aside at most ${max} ${max === 1 ? 'state' : 'states'} (consensus-minus-${max}); got ${partiesOnBody.length}`);

  const tables = resolveTables(pack, rule, input, rulesDate, composition);
  if ('refusal' in tables) return { ok: false, refusal: tables.refusal };

  const trace: TraceEntry[] = [];
  trace.push(
    traceEntry('composition', body.composition.kind === 'seats' ? body.composition.cites : body.cites, {
      en: `The ${body.name.en} on ${input.date}: ${composition.length} members (${composition.join(', ')})${input.members ? ', as given' : ''}.`,
      ru: `${body.name.ru ?? body.name.en} на ${input.date}: ${composition.length} ${membersRu(composition.length)} (${composition.join(', ')})${input.members ? ', как указано' : ''}.`,
    }),
  );
  const validity = { en: `in force from ${rule.validFrom}${rule.validTo ? ` to ${rule.validTo}` : ''}`, ru: `действует с ${rule.validFrom}${rule.validTo ? ` по ${rule.validTo}` : ''}` };
  trace.push(
    traceEntry(rule.id, rule.cites, {
      en: `${capitalize(input.question)} questions: ${rule.title} (${validity.en}); procedure: ${input.procedure}.`,
      ru: `${questionRu(input.question)}: ${rule.titleRu ?? `правило «${rule.id}»`} (${validity.ru}); процедура: ${procedureRu(input.procedure)}.`,
    }),
  );
  if (input.parties && !rule.parties && parties.length > 0) {
    trace.push(
      traceEntry(rule.id, rule.cites, {
        en: `${list(parties)} named as ${parties.length === 1 ? 'party' : 'parties'}; this rule does not set parties aside, so they take part.`,
        ru: `${listRu(parties)}: ${parties.length === 1 ? 'указана заинтересованная сторона' : 'указаны заинтересованные стороны'}; это правило не отстраняет стороны от решения, поэтому их участие сохраняется.`,
      }),
    );
  }
  const ballot = buildBallot(
    {
      composition,
      nonParticipating: input.members ? framed.members.filter((s) => !seated.has(s)) : [],
      permanent: framed.permanent.filter((s) => seated.has(s)),
      parties,
      positions: input.positions,
      procedure: input.procedure,
      deadline: input.deadline,
      rule,
    },
    trace,
  );
  if (input.procedure === 'written' && ballot.late.length > 0) {
    trace.push(
      traceEntry(rule.id, terms.cites, {
        en: `${list(ballot.late)}: reply received after the deadline of ${input.deadline ?? ''}; counted as no reply.`,
        ru: `${listRu(ballot.late)}: ответ получен после истечения срока (${input.deadline ?? ''}); считается отсутствием ответа.`,
      }),
    );
  }
  const ctx: RuleContext = { trace, tables: tables.tables };
  const verdict =
    input.procedure === 'silence' && input.deadline !== undefined
      ? decideBySilence(ballot, rule, terms.cites, input.deadline, ctx)
      : applyRule(ballot, rule, ctx);

  // Only a position actually taken is final; a block by absentees may still be lifted by their replies.
  const finalBlock = verdict.blockedBy.some((s) => ballot.positions.get(s) !== 'absent');
  const pending = stillOpen(finalBlock, withPosition(ballot, 'absent').length, input, options.now);
  if (pending) trace.push(traceEntry(rule.id, terms.cites, pending.said));
  const notify = sorted([...composition, ...framed.members, ...parties]);
  const decision: Ruling = {
    outcome: pending ? 'pending' : verdict.outcome,
    reason: pending ? pending.reason : verdict.reason,
    bound: pending ? [] : verdict.bound,
    notBound: pending ? [] : verdict.notBound,
    blockedBy: pending ? [] : verdict.blockedBy,
    notify,
    tally: { ...countPositions(ballot), ...verdict.tally },
    trace,
  };
  return { ok: true, decision };
}

function applyRule(ballot: Parameters<typeof decideByConsensus>[0], rule: PackRule, ctx: RuleContext): Verdict {
  switch (rule.primitive) {
    case 'consensus':
      return decideByConsensus(ballot, rule, ctx);
    case 'unanimity':
      return decideByUnanimity(ballot, rule, ctx);
    case 'majority':
      return decideByMajority(ballot, rule, ctx);
    case 'qualified-majority':
      return decideByQualifiedMajority(ballot, rule, ctx);
  }
}

/**
 * A procedure with a deadline still running is open while its result could change: silence not
 * yet broken, or replies still outstanding. A written procedure without a deadline stays open
 * until every entitled member has replied.
 */
function stillOpen(finalBlock: boolean, outstanding: number, input: DecideInput, now: string | undefined): { reason: string; said: Said } | undefined {
  if (input.procedure === 'vote' || finalBlock) return undefined;
  const running = input.deadline !== undefined && now !== undefined && Date.parse(now) < Date.parse(input.deadline);
  if (input.procedure === 'silence' && running) {
    return {
      reason: 'silence-running',
      said: {
        en: `Silence has not been broken, and the deadline of ${input.deadline ?? ''} has not passed: the procedure is still open.`,
        ru: `Молчание не нарушено, и срок (${input.deadline ?? ''}) не истёк: процедура продолжается.`,
      },
    };
  }
  if (input.procedure === 'written' && outstanding > 0 && (running || input.deadline === undefined)) {
    return {
      reason: 'awaiting-replies',
      said: {
        en: `${outstanding} ${outstanding === 1 ? 'reply is' : 'replies are'} outstanding and the procedure ${input.deadline ? `runs until ${input.deadline}` : 'has no deadline'}: the result is not final.`,
        ru: `Ответов не получено: ${outstanding}; процедура ${input.deadline ? `длится до ${input.deadline}` : 'не имеет срока'}: результат не окончательный.`,
      },
    };
  }
  return undefined;
}

type Tables = { tables: Map<string, ReadonlyMap<string, number>> } | { refusal: Refusal };

/** The figures each table-based criterion needs, the caller's overriding the pack's, for every member. */
function resolveTables(pack: Pack, rule: PackRule, input: DecideInput, date: string, composition: readonly string[]): Tables {
  const needed = new Set<string>();
  const optional = new Set<string>();
  if (rule.primitive === 'qualified-majority') {
    for (const c of [...rule.criteria, ...(rule.partialParticipation?.criteria ?? [])]) {
      if (c.measure !== 'states') (c.onRequest ? optional : needed).add(c.measure);
    }
    for (const bm of [rule.blockingMinority, rule.partialParticipation?.blockingMinority]) if (bm && 'table' in bm) needed.add(bm.table);
  }
  // Figures for constructive abstention matter only once someone has declared it.
  const declared = Object.values(input.positions).some((p) => p.position === 'opt-out');
  if (rule.primitive === 'unanimity' && rule.constructiveAbstention && declared) needed.add(rule.constructiveAbstention.table);
  const tables = new Map<string, ReadonlyMap<string, number>>();
  for (const table of [...needed, ...[...optional].filter((t) => !needed.has(t))]) {
    const given = Object.entries(input.data?.[table] ?? {});
    const shipped = figuresOf(tableInForce(pack, table, date));
    const figures = given.length === 0 ? shipped : new Map([...shipped, ...given]);
    const missing = composition.find((s) => !figures.has(s));
    if (missing && needed.has(table)) {
      return { refusal: { code: 'missing-data', field: `data.${table}.${missing}`, message: `rule "${rule.id}" needs the ${table} of ${missing} on ${date}; the pack has none, give it in "data"` } };
    }
    if (!missing) tables.set(table, figures);
  }
  return { tables };
}

const knownByPack = new WeakMap<Pack, ReadonlySet<string>>();

/** ISO codes, and the historic codes a pack uses for states that no longer exist. */
function knownStates(pack: Pack): ReadonlySet<string> {
  let known = knownByPack.get(pack);
  if (!known) knownByPack.set(pack, (known = new Set([...ISO_ALPHA3, ...pack.members.map((m) => m.state)])));
  return known;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
