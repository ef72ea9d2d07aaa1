/**
 * A decision's life, as a decider: drafted, amended (each version kept), tabled at a session or
 * circulated in writing, positions recorded with the document that carries each, closed with the
 * outcome the framework gives (decide()), acknowledged by every member, acceded to later by a
 * member that stayed out (CSTO practice of informing and accession, R12).
 */
import { compositionOn, findBody, inForce, procedureOf, questionOf, ruleInForce, type Pack } from '../framework/index.js';
import { informedOf, type AssociateRole } from '../membership/index.js';
import { decide, isCalendarDate, normalizeInstant, type CastPosition, type Ruling, type PositionWord } from '../procedure/index.js';

export interface Localized {
  readonly en: string;
  readonly ru: string;
}

/** What carries a position: a delegate's entry in Concord, or a registered note verbale. */
export type PositionDocument = { readonly kind: 'delegate-entry'; readonly by: string } | { readonly kind: 'note'; readonly noteId: string };

export type ProcedureWord = 'vote' | 'written' | 'silence';

// ── Commands ────────────────────────────────────────────────────────────────────────────────

export type DecisionCommand =
  | {
      readonly kind: 'draft';
      readonly title: Localized;
      readonly text: Localized;
      readonly body: string;
      readonly question: string;
      readonly initiator: string;
      readonly draftedOn: string;
      /** The states concerned (a decision on a member's own standing), set aside where the rule says so. */
      readonly parties?: readonly string[] | undefined;
    }
  | { readonly kind: 'amend'; readonly title?: Localized | undefined; readonly text?: Localized | undefined; readonly amendedOn: string }
  | { readonly kind: 'table'; readonly sessionId: string; readonly sessionDate: string }
  | { readonly kind: 'circulate'; readonly procedure: 'written' | 'silence'; readonly deadline: string; readonly circulatedOn: string }
  | { readonly kind: 'record-position'; readonly state: string; readonly position: PositionWord; readonly at: string; readonly document: PositionDocument }
  | {
      readonly kind: 'close';
      readonly now: string;
      /** For a session: who was present, so that presence without objection counts as consent. */
      readonly attendance?: Readonly<Record<string, boolean>> | undefined;
      /** The observers and partners holding their status on the decision's date, from the registry. */
      readonly associates?: readonly { readonly state: string; readonly role: AssociateRole }[] | undefined;
      readonly framework: { readonly id: string; readonly digest: string };
    }
  /** `today`: the latest date it is anywhere when recorded; no accession is dated after it. */
  | { readonly kind: 'accede'; readonly state: string; readonly accededOn: string; readonly today: string; readonly document: PositionDocument };

// ── Events ──────────────────────────────────────────────────────────────────────────────────

export type DecisionEvent =
  | {
      readonly type: 'DraftCreated';
      readonly validAt: string;
      readonly data: { readonly title: Localized; readonly text: Localized; readonly body: string; readonly question: string; readonly initiator: string; readonly parties?: readonly string[] };
    }
  | { readonly type: 'DraftAmended'; readonly validAt: string; readonly data: { readonly version: number; readonly title: Localized; readonly text: Localized } }
  | { readonly type: 'DraftTabled'; readonly validAt: string; readonly data: { readonly sessionId: string } }
  | { readonly type: 'DraftCirculated'; readonly validAt: string; readonly data: { readonly procedure: 'written' | 'silence'; readonly deadline: string; readonly cites: readonly string[] } }
  | { readonly type: 'PositionRecorded'; readonly validAt: string; readonly data: { readonly state: string; readonly position: PositionWord; readonly at: string; readonly document: PositionDocument } }
  | {
      readonly type: 'DecisionClosed';
      readonly validAt: string;
      readonly data: {
        readonly result: Ruling;
        readonly procedure: ProcedureWord;
        readonly framework: { readonly id: string; readonly digest: string };
        readonly version: number;
        /** Observers and partners informed of the decision, as their status gives it (absent before they were). */
        readonly informed?: readonly string[];
      };
    }
  | { readonly type: 'AccessionRecorded'; readonly validAt: string; readonly data: { readonly state: string; readonly document: PositionDocument } };

// ── State ───────────────────────────────────────────────────────────────────────────────────

export type DecisionStatus = 'none' | 'draft' | 'tabled' | 'circulating' | 'closed';

export interface DecisionState {
  readonly status: DecisionStatus;
  readonly body: string;
  readonly question: string;
  readonly draftedOn: string;
  readonly version: number;
  readonly title: Localized;
  readonly text: Localized;
  /** Who proposed it (a member, the Secretariat). */
  readonly initiator: string;
  readonly procedure: ProcedureWord | undefined;
  readonly sessionId: string | undefined;
  readonly date: string;
  readonly deadline: string | undefined;
  readonly positions: Readonly<Record<string, { readonly position: PositionWord; readonly at: string; readonly document: PositionDocument }>>;
  readonly result: Ruling | undefined;
  /** The day the decision was taken. */
  readonly closedOn: string | undefined;
  readonly acceded: readonly string[];
  /** The states concerned, set aside where the rule says so (absent from drafts recorded before). */
  readonly parties: readonly string[];
}

const empty: Localized = { en: '', ru: '' };

export const initialDecision: DecisionState = {
  status: 'none',
  body: '',
  question: '',
  draftedOn: '',
  version: 0,
  title: empty,
  text: empty,
  initiator: '',
  procedure: undefined,
  sessionId: undefined,
  date: '',
  deadline: undefined,
  positions: {},
  result: undefined,
  closedOn: undefined,
  acceded: [],
  parties: [],
};

export interface DecisionRefusal {
  readonly code: 'invalid' | 'wrong-status' | 'not-on-body' | 'late' | 'contradicts' | 'not-allowed';
  readonly field: string;
  readonly message: string;
}

export type DecisionDecided = { readonly ok: true; readonly events: readonly DecisionEvent[] } | { readonly ok: false; readonly refusal: DecisionRefusal };

// ── decide ──────────────────────────────────────────────────────────────────────────────────

export function decideDecision(command: DecisionCommand, state: DecisionState, pack: Pack): DecisionDecided {
  switch (command.kind) {
    case 'draft':
      return draft(command, state, pack);
    case 'amend':
      if (state.status !== 'draft' && !(isOpen(state) && Object.keys(state.positions).length === 0)) {
        return refuse('wrong-status', 'status', `the draft can be amended only before any position is recorded (it is ${state.status})`);
      }
      return accept({ type: 'DraftAmended', validAt: command.amendedOn, data: { version: state.version + 1, title: command.title ?? state.title, text: command.text ?? state.text } });
    case 'table':
      if (state.status !== 'draft') return refuse('wrong-status', 'status', `only a draft can be tabled (it is ${state.status})`);
      return procedureAllowed(state, pack, 'vote') ?? accept({ type: 'DraftTabled', validAt: command.sessionDate, data: { sessionId: command.sessionId } });
    case 'circulate':
      return circulate(command, state, pack);
    case 'record-position':
      return recordPosition(command, state, pack);
    case 'close':
      return close(command, state, pack);
    case 'accede':
      if (!isCalendarDate(command.accededOn)) return refuse('invalid', 'accededOn', `expected a date YYYY-MM-DD; got "${command.accededOn}"`);
      if (state.status !== 'closed' || !state.result) return refuse('wrong-status', 'status', 'only a decision taken can be acceded to');
      if (state.closedOn !== undefined && command.accededOn < state.closedOn) return refuse('invalid', 'accededOn', `the decision was taken on ${state.closedOn}; an accession cannot precede it (got ${command.accededOn})`);
      if (command.accededOn > command.today) return refuse('invalid', 'accededOn', `an accession is recorded once made: ${command.accededOn} is after today, ${command.today}`);
      if (!state.result.notBound.includes(command.state) || state.acceded.includes(command.state)) {
        return refuse('not-allowed', 'state', `${command.state} is already bound by this decision`);
      }
      return accept({ type: 'AccessionRecorded', validAt: command.accededOn, data: { state: command.state, document: command.document } });
  }
}

function draft(command: Extract<DecisionCommand, { kind: 'draft' }>, state: DecisionState, pack: Pack): DecisionDecided {
  if (state.status !== 'none') return refuse('wrong-status', 'id', 'this decision already exists');
  const body = findBody(pack, command.body);
  if (!body) return refuse('invalid', 'body', `unknown body "${command.body}"; ${pack.id} has: ${pack.bodies.map((b) => b.id).join(', ')}`);
  if (!inForce(body, command.draftedOn)) return refuse('invalid', 'body', `the ${body.name.en} did not exist on ${command.draftedOn}`);
  if (!questionOf(body, command.question)) return refuse('invalid', 'question', `the ${body.name.en} decides: ${Object.keys(body.questions).join(', ')}`);
  if (command.title.en.trim() === '' || command.text.en.trim() === '') return refuse('invalid', 'title', 'a draft needs a title and a text in English (and in Russian)');
  if (command.title.ru.trim() === '' || command.text.ru.trim() === '') return refuse('invalid', 'title.ru', 'a draft needs its title and text in Russian, the working language');
  const { title, text, initiator } = command;
  const parties = command.parties?.length ? { parties: [...command.parties].sort() } : {};
  return accept({ type: 'DraftCreated', validAt: command.draftedOn, data: { title, text, body: command.body, question: command.question, initiator, ...parties } });
}

function circulate(command: Extract<DecisionCommand, { kind: 'circulate' }>, state: DecisionState, pack: Pack): DecisionDecided {
  if (state.status !== 'draft') return refuse('wrong-status', 'status', `only a draft can be circulated (it is ${state.status})`);
  const deadline = normalizeInstant(command.deadline);
  if (deadline === undefined) return refuse('invalid', 'deadline', `expected an ISO 8601 date-time with a time zone, e.g. 2022-01-13T12:00:00Z; got "${command.deadline}"`);
  if (Date.parse(deadline) <= Date.parse(command.circulatedOn)) return refuse('invalid', 'deadline', 'the deadline must come after the circulation');
  const notAllowed = procedureAllowed(state, pack, command.procedure);
  if (notAllowed) return notAllowed;
  const cites = procedureOf(questionOf(findBody(pack, state.body), state.question), command.procedure)?.cites ?? [];
  return accept({ type: 'DraftCirculated', validAt: command.circulatedOn.slice(0, 10), data: { procedure: command.procedure, deadline, cites } });
}

function recordPosition(command: Extract<DecisionCommand, { kind: 'record-position' }>, state: DecisionState, pack: Pack): DecisionDecided {
  const at = normalizeInstant(command.at);
  if (at === undefined) return refuse('invalid', 'at', `expected an ISO 8601 date-time with a time zone; got "${command.at}"`);
  if (!isOpen(state)) return refuse('wrong-status', 'status', `positions are recorded while the draft is tabled or circulating (it is ${state.status})`);
  const body = findBody(pack, state.body);
  const members = body ? compositionOn(pack, body, state.date).members : [];
  if (!members.includes(command.state)) return refuse('not-on-body', 'state', `${command.state} does not sit on the ${body?.name.en ?? state.body} on ${state.date}`);
  if (state.deadline !== undefined && Date.parse(at) > Date.parse(state.deadline)) {
    return refuse('late', 'at', `received ${at}, after the deadline of ${state.deadline}`);
  }
  const previous = state.positions[command.state];
  if (previous) {
    if (previous.position === command.position) return accept();
    return refuse('contradicts', 'position', `${command.state} already gave "${previous.position}" (${previous.at}); a different position is refused`);
  }
  return accept({ type: 'PositionRecorded', validAt: at.slice(0, 10), data: { state: command.state, position: command.position, at, document: command.document } });
}

function close(command: Extract<DecisionCommand, { kind: 'close' }>, state: DecisionState, pack: Pack): DecisionDecided {
  if (!isOpen(state) || state.procedure === undefined) return refuse('wrong-status', 'status', `only a tabled or circulating draft can be closed (it is ${state.status})`);
  if (state.procedure !== 'vote' && state.deadline !== undefined && Date.parse(command.now) < Date.parse(state.deadline)) {
    if (state.procedure === 'silence' || awaitedFrom(state, pack).length > 0) return refuse('not-allowed', 'now', `the procedure runs until ${state.deadline}`);
  }
  const result = outcomeOf(state, pack, command.now, command.attendance);
  if (!result.ok) return refuse('invalid', result.refusal.field, result.refusal.message);
  const informed = informedOf(pack, state.body, command.associates ?? []);
  const data = { result: result.decision, procedure: state.procedure, framework: command.framework, version: state.version, ...(informed.length ? { informed } : {}) };
  return accept({ type: 'DecisionClosed', validAt: command.now.slice(0, 10), data });
}

/**
 * What the engine finds with the positions on record, taken at `now`: at the close, the outcome;
 * before it, the tally as it stands, shown to those following the procedure.
 */
export function outcomeOf(state: DecisionState, pack: Pack, now: string, attendance?: Readonly<Record<string, boolean>>): ReturnType<typeof decide> {
  const positions: Record<string, CastPosition> = {};
  const body = findBody(pack, state.body);
  const ruleId = questionOf(body, state.question)?.rule;
  const byConsensus = ruleId !== undefined && ruleInForce(pack, ruleId, state.date)?.primitive === 'consensus';
  for (const [member, present] of Object.entries(attendance ?? {})) {
    // At a session, a member present that raised no objection joins a consensus; where votes
    // are counted, one present that cast none is present and not voting.
    if (present) positions[member] = { position: byConsensus ? 'yes' : 'abstain' };
  }
  for (const [member, p] of Object.entries(state.positions)) positions[member] = { position: p.position, at: p.at };
  const parties = state.parties.length ? { parties: state.parties } : {};
  return decide(pack, { body: state.body, question: state.question, procedure: state.procedure ?? 'vote', date: state.date, deadline: state.deadline, positions, ...parties }, { now });
}

/** The members of the body that have not given a position yet. */
export function awaitedFrom(state: DecisionState, pack: Pack): string[] {
  const body = findBody(pack, state.body);
  const members = body ? compositionOn(pack, body, state.date).members : [];
  return members.filter((m) => !state.positions[m]);
}

function procedureAllowed(state: DecisionState, pack: Pack, procedure: ProcedureWord): DecisionDecided | undefined {
  const question = questionOf(findBody(pack, state.body), state.question);
  if (procedureOf(question, procedure)) return undefined;
  return refuse('not-allowed', 'procedure', `the ${state.body} does not decide ${state.question} questions by "${procedure}"; allowed: ${Object.keys(question?.procedures ?? {}).join(', ')}`);
}

function isOpen(state: DecisionState): boolean {
  return state.status === 'tabled' || state.status === 'circulating';
}

// ── evolve ──────────────────────────────────────────────────────────────────────────────────

export function evolveDecision(state: DecisionState, event: DecisionEvent): DecisionState {
  switch (event.type) {
    case 'DraftCreated':
      return { ...state, status: 'draft', ...event.data, parties: event.data.parties ?? [], draftedOn: event.validAt, date: event.validAt, version: 1 };
    case 'DraftAmended':
      return { ...state, version: event.data.version, title: event.data.title, text: event.data.text };
    case 'DraftTabled':
      return { ...state, status: 'tabled', procedure: 'vote', sessionId: event.data.sessionId, date: event.validAt };
    case 'DraftCirculated':
      return { ...state, status: 'circulating', procedure: event.data.procedure, deadline: event.data.deadline, date: event.validAt };
    case 'PositionRecorded':
      return { ...state, positions: { ...state.positions, [event.data.state]: event.data } };
    case 'DecisionClosed':
      return { ...state, status: 'closed', result: event.data.result, closedOn: takenOn(state, event.validAt) };
    case 'AccessionRecorded':
      return { ...state, acceded: [...state.acceded, event.data.state] };
  }
}

/** A procedure closed after its deadline (its timer fired late) was decided when the deadline passed. */
function takenOn(state: DecisionState, closedAt: string): string {
  const closed = closedAt.slice(0, 10);
  const deadline = state.deadline?.slice(0, 10);
  return deadline !== undefined && deadline < closed ? deadline : closed;
}

/** Whom the decision binds now: those it bound when taken, and those who acceded since. */
export function boundNow(state: { readonly result?: { readonly bound: readonly string[] } | null | undefined; readonly acceded: readonly string[] }): string[] {
  return [...new Set([...(state.result?.bound ?? []), ...state.acceded])].sort();
}

function accept(...events: DecisionEvent[]): DecisionDecided {
  return { ok: true, events };
}

function refuse(code: DecisionRefusal['code'], field: string, message: string): DecisionDecided {
  return { ok: false, refusal: { code, field, message } };
}
