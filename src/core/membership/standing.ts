/**
 * A party's standing in the organization, as a decider: the commands the secretariat may give,
 * the events they produce, the state, `decide` and `evolve`.
 *
 * Legal status changes only by a registered official act or a body's decision, and only as the
 * framework allows: a withdrawal notice makes a member "withdrawal pending" until the notice
 * period has run (CSTO Charter Art. 19: six months); a suspension or expulsion needs the decision
 * of the body the framework names. Participation is recorded apart and never moves the status.
 */
import { addMonths, format, parseISO } from 'date-fns';
import type { Pack } from '../framework/index.js';
import type { Role, Status } from './records.js';

export type { AssociateRole, AssociateStatus, MemberStatus, Role, Status } from './records.js';

/** What a body decided about a party's standing. */
export type StandingChange = 'admit' | 'suspend' | 'lift-suspension' | 'expel' | 'grant' | 'suspend-status' | 'annul';

// ── Commands ────────────────────────────────────────────────────────────────────────────────

export type StandingCommand =
  | { readonly kind: 'notify-withdrawal'; readonly noteId: string; readonly notifiedOn: string }
  | {
      readonly kind: 'apply-decision';
      readonly role: Role;
      readonly change: StandingChange;
      readonly body: string;
      readonly reference: string;
      readonly decidedOn: string;
    }
  | { readonly kind: 'take-effect'; readonly timerId: string; readonly today: string }
  | { readonly kind: 'record-participation'; readonly participating: boolean; readonly since: string; readonly basis: string };

// ── Events ──────────────────────────────────────────────────────────────────────────────────

export type StandingBasis =
  | { readonly kind: 'pack-history' }
  | { readonly kind: 'decision'; readonly body: string; readonly reference: string }
  | { readonly kind: 'timer'; readonly timerId: string };

export type StandingEvent =
  | {
      readonly type: 'StandingChanged';
      readonly validAt: string;
      readonly data: { readonly role: Role; readonly status: Status; readonly act: string; readonly cites: readonly string[]; readonly basis: StandingBasis };
    }
  | {
      readonly type: 'WithdrawalNotified';
      readonly validAt: string;
      readonly data: { readonly noteId: string; readonly effectiveOn: string; readonly noticeMonths: number; readonly cites: readonly string[] };
    }
  | {
      readonly type: 'ParticipationRecorded';
      readonly validAt: string;
      readonly data: { readonly participating: boolean; readonly basis: string };
    };

// ── State ───────────────────────────────────────────────────────────────────────────────────

export interface StandingState {
  readonly role: Role | undefined;
  readonly status: Status | undefined;
  readonly participating: boolean | undefined;
  readonly pendingWithdrawal: { readonly noteId: string; readonly effectiveOn: string } | undefined;
}

export const initialStanding: StandingState = { role: undefined, status: undefined, participating: undefined, pendingWithdrawal: undefined };

export interface StandingRefusal {
  readonly code: 'not-allowed' | 'wrong-body' | 'not-due' | 'not-provided';
  readonly field: string;
  readonly message: string;
}

export type StandingDecided = { readonly ok: true; readonly events: readonly StandingEvent[] } | { readonly ok: false; readonly refusal: StandingRefusal };

// ── decide ──────────────────────────────────────────────────────────────────────────────────

export function decideStanding(command: StandingCommand, state: StandingState, pack: Pack, party: string): StandingDecided {
  switch (command.kind) {
    case 'notify-withdrawal':
      return notifyWithdrawal(command, state, pack, party);
    case 'apply-decision':
      return applyDecision(command, state, pack, party);
    case 'take-effect':
      return takeEffect(command, state, pack, party);
    case 'record-participation':
      if (state.role !== 'member') return refuse('not-allowed', 'party', `${party} is not a member; participation is recorded for members only`);
      return accept({ type: 'ParticipationRecorded', validAt: command.since, data: { participating: command.participating, basis: command.basis } });
  }
}

/** Charter Art. 19 (CSTO): official notice, effective no earlier than the notice period. */
function notifyWithdrawal(command: Extract<StandingCommand, { kind: 'notify-withdrawal' }>, state: StandingState, pack: Pack, party: string): StandingDecided {
  const rule = pack.standing?.withdrawal;
  if (rule?.noticeMonths === undefined) return refuse('not-provided', 'kind', `the ${pack.organization.abbreviation.en} framework sets no notice period for withdrawal`);
  if (state.role !== 'member' || (state.status !== 'member' && state.status !== 'suspended')) {
    return refuse('not-allowed', 'sender', `${party} cannot give notice of withdrawal: its standing is ${state.status ?? 'none'}`);
  }
  const effectiveOn = format(addMonths(parseISO(command.notifiedOn), rule.noticeMonths), 'yyyy-MM-dd');
  return accept({ type: 'WithdrawalNotified', validAt: command.notifiedOn, data: { noteId: command.noteId, effectiveOn, noticeMonths: rule.noticeMonths, cites: rule.cites } });
}

function takeEffect(command: Extract<StandingCommand, { kind: 'take-effect' }>, state: StandingState, pack: Pack, party: string): StandingDecided {
  const pending = state.pendingWithdrawal;
  if (!pending) return refuse('not-allowed', 'party', `${party} has no withdrawal pending`);
  if (command.today < pending.effectiveOn) return refuse('not-due', 'today', `${party}'s withdrawal takes effect on ${pending.effectiveOn}, not before`);
  return accept({
    type: 'StandingChanged',
    validAt: pending.effectiveOn,
    data: {
      role: 'member',
      status: 'withdrawn',
      act: `Withdrawal took effect at the end of the notice period (notice ${pending.noteId})`,
      cites: pack.standing?.withdrawal?.cites ?? [],
      basis: { kind: 'timer', timerId: command.timerId },
    },
  });
}

/** The framework's standing rules that a body's decision can apply (`pack.standing.<kind>`). */
export type StandingRuleKind = 'admission' | 'suspension' | 'expulsion' | 'observer' | 'partner';

const TRANSITIONS: Record<StandingChange, { from: readonly (Status | undefined)[]; to: Status; standing: StandingRuleKind }> = {
  admit: { from: [undefined, 'withdrawn', 'expelled'], to: 'member', standing: 'admission' },
  suspend: { from: ['member', 'withdrawal-pending'], to: 'suspended', standing: 'suspension' },
  'lift-suspension': { from: ['suspended'], to: 'member', standing: 'suspension' },
  expel: { from: ['member', 'suspended', 'withdrawal-pending'], to: 'expelled', standing: 'expulsion' },
  grant: { from: [undefined, 'annulled', 'withdrawn'], to: 'granted', standing: 'observer' },
  'suspend-status': { from: ['granted'], to: 'suspended', standing: 'observer' },
  annul: { from: ['granted', 'suspended'], to: 'annulled', standing: 'observer' },
};

const ASSOCIATE_CHANGES: readonly StandingChange[] = ['grant', 'suspend-status', 'annul'];

/** The rule that governs a change: an observer's or partner's status follows the rule of its role. */
export function standingRuleFor(role: Role, change: StandingChange): StandingRuleKind {
  return role === 'member' ? TRANSITIONS[change].standing : role;
}

/** Members are admitted, suspended and expelled; observers and partners are granted a status, which is suspended or annulled. */
export function changeFitsRole(role: Role, change: StandingChange): string | undefined {
  return (role !== 'member') === ASSOCIATE_CHANGES.includes(change) ? undefined : `"${change}" does not apply to the role ${role}`;
}

/** Whether the party's standing in that role allows the change (a standing in another role counts as none). */
export function transitionAllowed(state: StandingState, role: Role, change: StandingChange, party: string): string | undefined {
  const current = state.role === role || state.role === undefined ? state.status : undefined;
  return TRANSITIONS[change].from.includes(current) ? undefined : `${party} cannot be subject to "${change}" while its standing is ${current ?? 'none'}`;
}

/** Why a change of standing cannot be made to this party in this role, or undefined when it can. */
export function changeAllowed(state: StandingState, role: Role, change: StandingChange, party: string): string | undefined {
  return changeFitsRole(role, change) ?? transitionAllowed(state, role, change, party);
}

/** A body's decision changes standing only if the framework gives that body the power. */
function applyDecision(command: Extract<StandingCommand, { kind: 'apply-decision' }>, state: StandingState, pack: Pack, party: string): StandingDecided {
  const misfit = changeFitsRole(command.role, command.change);
  if (misfit) return refuse('not-allowed', 'change', misfit);
  const standingKind = standingRuleFor(command.role, command.change);
  const rule = pack.standing?.[standingKind];
  if (rule?.decidedBy !== undefined && rule.decidedBy !== command.body) {
    return refuse('wrong-body', 'body', `${standingKind} is decided by the ${rule.decidedBy}, not the ${command.body}`);
  }
  const barred = transitionAllowed(state, command.role, command.change, party);
  if (barred) return refuse('not-allowed', 'change', barred);
  const transition = TRANSITIONS[command.change];
  return accept({
    type: 'StandingChanged',
    validAt: command.decidedOn,
    data: {
      role: command.role,
      status: transition.to,
      act: `Decision ${command.reference} of the ${command.body}`,
      cites: rule?.cites ?? [],
      basis: { kind: 'decision', body: command.body, reference: command.reference },
    },
  });
}

// ── evolve ──────────────────────────────────────────────────────────────────────────────────

export function evolveStanding(state: StandingState, event: StandingEvent): StandingState {
  switch (event.type) {
    case 'StandingChanged':
      // A suspension does not stop a notice of withdrawal from running; any other change ends it.
      return { ...state, role: event.data.role, status: event.data.status, pendingWithdrawal: event.data.status === 'suspended' ? state.pendingWithdrawal : undefined };
    case 'WithdrawalNotified':
      return { ...state, status: 'withdrawal-pending', pendingWithdrawal: { noteId: event.data.noteId, effectiveOn: event.data.effectiveOn } };
    case 'ParticipationRecorded':
      return { ...state, participating: event.data.participating };
  }
}

function accept(...events: StandingEvent[]): StandingDecided {
  return { ok: true, events };
}

function refuse(code: StandingRefusal['code'], field: string, message: string): StandingDecided {
  return { ok: false, refusal: { code, field, message } };
}
