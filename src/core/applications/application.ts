/**
 * A case before the competent body about a state's standing, as a decider: an application for
 * membership, observer or partner status carried by the state's own note, or a proposal to
 * suspend, lift a suspension, expel or annul; the officer's finding on each criterion the
 * framework sets, with the document it rests on; and the end of the case: withdrawn by the
 * applicant, lapsed, or concluded by the body's decision.
 *
 * The criteria, the body and the question are copied from the pack when the case opens, so that a
 * later change of the framework does not rewrite what an applicant was measured against.
 */
import type { OfficialNote } from '../correspondence/index.js';
import type { Pack } from '../framework/index.js';
import { changeAllowed, type StandingState } from '../membership/index.js';
import { isCalendarDate, ISO_ALPHA3 } from '../procedure/index.js';
import {
  applicationChange,
  isApplication,
  REQUEST_KINDS,
  requirementsOf,
  type ApplicationRefusal,
  type ApplicationRole,
  type CaseChange,
  type Criterion,
  type Requirements,
} from './requirements.js';

export type DecisionOutcome = 'adopted' | 'rejected' | 'contested' | 'pending';
export type CaseEffect = { readonly applied: true; readonly act: string } | { readonly applied: false; readonly reason: string };

// ── Commands ────────────────────────────────────────────────────────────────────────────────

export type ApplicationCommand =
  | {
      readonly kind: 'submit';
      readonly applicant: string;
      readonly role: ApplicationRole;
      /** The registered note carrying the request. */
      readonly note: OfficialNote;
      readonly submittedOn: string;
      readonly decisionId: string;
      /** The applicant's current standing, folded from its party stream by the shell. */
      readonly standing: StandingState;
      /** Another open case for this applicant, found by the shell. */
      readonly openCase: string | undefined;
    }
  | {
      readonly kind: 'propose';
      readonly party: string;
      readonly role: ApplicationRole;
      readonly change: Exclude<CaseChange, 'admit' | 'grant'>;
      /** E.g. the member's own request to suspend its participation; optional. */
      readonly note: OfficialNote | undefined;
      readonly proposedOn: string;
      readonly decisionId: string;
      readonly standing: StandingState;
      readonly openCase: string | undefined;
    }
  | { readonly kind: 'assess'; readonly criterion: string; readonly met: boolean; readonly evidence: OfficialNote; readonly assessedOn: string; readonly by: string }
  | { readonly kind: 'withdraw'; readonly note: OfficialNote; readonly withdrawnOn: string }
  | { readonly kind: 'lapse'; readonly reason: string; readonly lapsedOn: string }
  | { readonly kind: 'conclude'; readonly decisionId: string; readonly outcome: DecisionOutcome; readonly decidedOn: string; readonly effect: CaseEffect };

// ── Events ──────────────────────────────────────────────────────────────────────────────────

export type ApplicationEvent =
  | {
      readonly type: 'ApplicationSubmitted';
      readonly validAt: string;
      readonly data: {
        readonly applicant: string;
        readonly role: ApplicationRole;
        readonly change: CaseChange;
        /** Null for a proposal that no note carries. */
        readonly noteId: string | null;
        readonly decisionId: string;
        readonly body: string;
        readonly question: string;
        readonly criteria: readonly Criterion[];
        readonly cites: readonly string[];
      };
    }
  | { readonly type: 'CriterionAssessed'; readonly validAt: string; readonly data: { readonly criterion: string; readonly met: boolean; readonly evidence: string; readonly by: string } }
  | { readonly type: 'ApplicationWithdrawn'; readonly validAt: string; readonly data: { readonly noteId: string } }
  | { readonly type: 'ApplicationLapsed'; readonly validAt: string; readonly data: { readonly reason: string } }
  | {
      readonly type: 'ApplicationConcluded';
      readonly validAt: string;
      readonly data: { readonly decisionId: string; readonly outcome: DecisionOutcome; readonly applied: boolean; readonly act?: string; readonly reason?: string };
    };

// ── State ───────────────────────────────────────────────────────────────────────────────────

export type ApplicationStatus = 'none' | 'open' | 'adopted' | 'rejected' | 'withdrawn' | 'lapsed';

/** The latest finding on a criterion (earlier ones stay in the stream). */
export interface Assessment {
  readonly met: boolean;
  readonly evidence: string;
  readonly by: string;
  readonly on: string;
}

export interface ApplicationState {
  readonly status: ApplicationStatus;
  readonly applicant: string;
  readonly role: ApplicationRole | undefined;
  readonly change: CaseChange | undefined;
  readonly noteId: string | null;
  readonly decisionId: string;
  readonly body: string;
  readonly question: string;
  readonly criteria: readonly Criterion[];
  readonly cites: readonly string[];
  readonly assessments: Readonly<Record<string, Assessment>>;
  readonly submittedOn: string;
  /** The day the case closed: concluded, withdrawn or lapsed. */
  readonly concludedOn: string | undefined;
  readonly outcome: DecisionOutcome | undefined;
  readonly effect: CaseEffect | undefined;
  readonly withdrawnBy: string | undefined;
  readonly lapseReason: string | undefined;
}

export const initialApplication: ApplicationState = {
  status: 'none',
  applicant: '',
  role: undefined,
  change: undefined,
  noteId: null,
  decisionId: '',
  body: '',
  question: '',
  criteria: [],
  cites: [],
  assessments: {},
  submittedOn: '',
  concludedOn: undefined,
  outcome: undefined,
  effect: undefined,
  withdrawnBy: undefined,
  lapseReason: undefined,
};

export type ApplicationDecided = { readonly ok: true; readonly events: readonly ApplicationEvent[] } | { readonly ok: false; readonly refusal: ApplicationRefusal };

type Command<K extends ApplicationCommand['kind']> = Extract<ApplicationCommand, { kind: K }>;

// ── decide ──────────────────────────────────────────────────────────────────────────────────

export function decideApplication(command: ApplicationCommand, state: ApplicationState, pack: Pack): ApplicationDecided {
  if (command.kind === 'submit' || command.kind === 'propose') {
    if (state.status !== 'none') return refuse('conflict', 'id', `the case exists already (${state.status})`);
    return command.kind === 'submit' ? submit(command, pack) : propose(command, pack);
  }
  if (state.status === 'none') return refuse('not-found', 'id', 'no such case');
  if (state.status !== 'open') return refuse('wrong-status', 'status', `the case is closed (${state.status})`);
  switch (command.kind) {
    case 'assess':
      return assess(command, state);
    case 'withdraw':
      return withdraw(command, state);
    case 'lapse':
      return (
        required(command.reason, 'reason') ??
        dateProblem(command.lapsedOn, 'lapsedOn', state) ??
        accept({ type: 'ApplicationLapsed', validAt: command.lapsedOn, data: { reason: command.reason } })
      );
    case 'conclude':
      return conclude(command, state);
  }
}

/**
 * CSTO Charter Art. 19 (admission) and Art. 21 (observer status on an official written request):
 * the state asks for itself, by its own note of the kind the status calls for.
 */
function submit(command: Command<'submit'>, pack: Pack): ApplicationDecided {
  const { applicant, role, note } = command;
  const problem = stateProblem(applicant) ?? dateProblem(command.submittedOn, 'submittedOn') ?? required(command.decisionId, 'decisionId');
  if (problem) return problem;
  if (note.sender !== applicant) return refuse('invalid', 'note', `the request of ${applicant} is carried by another state's note (${note.id}, from ${note.sender})`);
  if (note.kind !== REQUEST_KINDS[role]) return refuse('invalid', 'note', `a request for ${role} status is carried by a note of kind ${REQUEST_KINDS[role]}; ${note.id} is ${note.kind}`);
  if (command.submittedOn < note.dated) return refuse('invalid', 'submittedOn', `the request cannot be submitted (${command.submittedOn}) before the note that carries it is dated (${note.dated})`);
  const change = applicationChange(role);
  const requirements = requirementsOf(pack, role, change);
  if (!requirements.ok) return requirements;
  if (command.openCase !== undefined) return refuse('conflict', 'state', `${applicant} already has an open case (${command.openCase})`);
  const barred = standingProblem(command.standing, role, change, applicant);
  if (barred) return refuse('not-allowed', 'status', barred);
  return accept(opened(command.submittedOn, applicant, role, change, note.id, command.decisionId, requirements.value));
}

/**
 * A measure on a standing held (CSTO Charter Art. 20: suspension and expulsion by the Council;
 * Art. 21: suspension or annulment of observer status). Uzbekistan's note of June 2012 preceded
 * its suspension: a request to suspend comes from the state concerned; any other proposal comes
 * with no note, or with a note of kind "other" from any state.
 */
function propose(command: Command<'propose'>, pack: Pack): ApplicationDecided {
  const { party, role, note } = command;
  // The type rules admission out; a command read at the edge may still carry it.
  const change = command.change as CaseChange;
  const problem = stateProblem(party) ?? dateProblem(command.proposedOn, 'proposedOn') ?? required(command.decisionId, 'decisionId');
  if (problem) return problem;
  if (isApplication(change)) return refuse('invalid', 'change', `"${change}" is applied for by the state's own note (submit), not proposed`);
  if (note) {
    const noteProblem = proposalNoteProblem(note, party, change);
    if (noteProblem) return refuse('invalid', 'note', noteProblem);
    if (command.proposedOn < note.dated) return refuse('invalid', 'proposedOn', `the proposal cannot be made (${command.proposedOn}) before the note that carries it is dated (${note.dated})`);
  }
  const requirements = requirementsOf(pack, role, change);
  if (!requirements.ok) return requirements;
  if (command.openCase !== undefined) return refuse('conflict', 'state', `${party} already has an open case (${command.openCase})`);
  const barred = changeAllowed(command.standing, role, change, party);
  if (barred) return refuse('not-allowed', 'change', barred);
  return accept(opened(command.proposedOn, party, role, change, note?.id ?? null, command.decisionId, requirements.value));
}

/** The officer's finding rests on a registered document; a later finding on the same criterion supersedes it. */
function assess(command: Command<'assess'>, state: ApplicationState): ApplicationDecided {
  const problem = required(command.by, 'by') ?? dateProblem(command.assessedOn, 'assessedOn', state);
  if (problem) return problem;
  if (!state.criteria.some((c) => c.id === command.criterion)) {
    const known = state.criteria.map((c) => c.id).join(', ') || 'none';
    return refuse('not-found', 'criterion', `the case has no criterion "${command.criterion}"; its criteria: ${known}`);
  }
  if (command.evidence.dated > command.assessedOn) {
    return refuse('invalid', 'evidence', `a finding of ${command.assessedOn} cannot rest on a document dated ${command.evidence.dated}`);
  }
  return accept({ type: 'CriterionAssessed', validAt: command.assessedOn, data: { criterion: command.criterion, met: command.met, evidence: command.evidence.id, by: command.by } });
}

/** A request is the applicant's own, and only the applicant can take it back. */
function withdraw(command: Command<'withdraw'>, state: ApplicationState): ApplicationDecided {
  const problem = dateProblem(command.withdrawnOn, 'withdrawnOn', state);
  if (problem) return problem;
  const { note } = command;
  if (note.sender !== state.applicant) return refuse('invalid', 'note', `the withdrawal is carried by another state's note (${note.id}, from ${note.sender}); only ${state.applicant} can withdraw`);
  if (command.withdrawnOn < note.dated) return refuse('invalid', 'withdrawnOn', `the case cannot be withdrawn (${command.withdrawnOn}) before the note is dated (${note.dated})`);
  return accept({ type: 'ApplicationWithdrawn', validAt: command.withdrawnOn, data: { noteId: note.id } });
}

/** The body's decision ends the case; only an adopted decision whose effect was applied grants what was asked. */
function conclude(command: Command<'conclude'>, state: ApplicationState): ApplicationDecided {
  const problem = dateProblem(command.decidedOn, 'decidedOn', state);
  if (problem) return problem;
  if (command.decisionId !== state.decisionId) return refuse('invalid', 'decisionId', `the case is decided by ${state.decisionId}, not ${command.decisionId}`);
  const { effect } = command;
  if (effect.applied && command.outcome !== 'adopted') return refuse('invalid', 'effect', `a decision that is ${command.outcome} has no effect to apply`);
  if (effect.applied ? effect.act.trim() === '' : effect.reason.trim() === '') return refuse('invalid', 'effect', effect.applied ? 'the act applying the decision is required' : 'the reason the decision had no effect is required');
  const data = effect.applied
    ? { decisionId: command.decisionId, outcome: command.outcome, applied: true, act: effect.act }
    : { decisionId: command.decisionId, outcome: command.outcome, applied: false, reason: effect.reason };
  return accept({ type: 'ApplicationConcluded', validAt: command.decidedOn, data });
}

function opened(on: string, applicant: string, role: ApplicationRole, change: CaseChange, noteId: string | null, decisionId: string, r: Requirements): ApplicationEvent {
  return { type: 'ApplicationSubmitted', validAt: on, data: { applicant, role, change, noteId, decisionId, body: r.body, question: r.question, criteria: r.criteria, cites: r.cites } };
}

/**
 * The rules of standing (src/core/membership) say which changes a standing allows. One more holds
 * for applications: a member does not apply for observer or partner status, which the Charter
 * (Art. 21) and the regulations reserve for states outside the Organization.
 */
function standingProblem(standing: StandingState, role: ApplicationRole, change: CaseChange, party: string): string | undefined {
  const member = standing.role === 'member' && (standing.status === 'member' || standing.status === 'suspended' || standing.status === 'withdrawal-pending');
  if (role !== 'member' && member) return `${party} is a member (${standing.status}); ${role} status is for states outside the Organization`;
  const held = standing.role === role && standing.status === (role === 'member' ? 'member' : 'granted');
  if (held) return `${party} already holds ${role} status`;
  return changeAllowed(standing, role, change, party);
}

function proposalNoteProblem(note: OfficialNote, party: string, change: CaseChange): string | undefined {
  if (note.kind === 'request-to-suspend') {
    if (change !== 'suspend' && change !== 'suspend-status') return `a request to suspend cannot carry a proposal to ${change}`;
    return note.sender === party ? undefined : `the request to suspend ${party} is carried by another state's note (${note.id}, from ${note.sender})`;
  }
  return note.kind === 'other' ? undefined : `a note of kind ${note.kind} cannot carry a proposal to ${change}`;
}

function stateProblem(code: string): ApplicationDecided | undefined {
  return ISO_ALPHA3.has(code) ? undefined : refuse('invalid', 'state', `"${code}" is not an ISO 3166-1 alpha-3 code of a state`);
}

/** A date, and for an open case not before the case was opened. */
function dateProblem(date: string, field: string, state?: ApplicationState): ApplicationDecided | undefined {
  if (!isCalendarDate(date)) return refuse('invalid', field, `expected a date YYYY-MM-DD, got "${date}"`);
  if (state && date < state.submittedOn) return refuse('invalid', field, `${date} is before the case was opened (${state.submittedOn})`);
  return undefined;
}

function required(value: string, field: string): ApplicationDecided | undefined {
  return value.trim() === '' ? refuse('invalid', field, 'is required') : undefined;
}

// ── evolve ──────────────────────────────────────────────────────────────────────────────────

export function evolveApplication(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  switch (event.type) {
    case 'ApplicationSubmitted': {
      const { applicant, role, change, noteId, decisionId, body, question, criteria, cites } = event.data;
      return { ...initialApplication, status: 'open', applicant, role, change, noteId, decisionId, body, question, criteria, cites, submittedOn: event.validAt };
    }
    case 'CriterionAssessed': {
      const { criterion, met, evidence, by } = event.data;
      return { ...state, assessments: { ...state.assessments, [criterion]: { met, evidence, by, on: event.validAt } } };
    }
    case 'ApplicationWithdrawn':
      return { ...state, status: 'withdrawn', concludedOn: event.validAt, withdrawnBy: event.data.noteId };
    case 'ApplicationLapsed':
      return { ...state, status: 'lapsed', concludedOn: event.validAt, lapseReason: event.data.reason };
    case 'ApplicationConcluded': {
      const { outcome, applied, act, reason } = event.data;
      const effect: CaseEffect = applied ? { applied: true, act: act ?? '' } : { applied: false, reason: reason ?? '' };
      return { ...state, status: outcome === 'adopted' && applied ? 'adopted' : 'rejected', concludedOn: event.validAt, outcome, effect };
    }
  }
}

function accept(...events: ApplicationEvent[]): ApplicationDecided {
  return { ok: true, events };
}

function refuse(code: ApplicationRefusal['code'], field: string, message: string): ApplicationDecided {
  return { ok: false, refusal: { code, field, message } };
}
