/**
 * What the framework asks of a case: the competent body, the question kind it decides it as, the
 * criteria an applicant must meet and the articles behind them, read from the pack's `standing`
 * rules (for the CSTO: Charter Art. 19 for admission, Art. 21 and the Regulation on Observer
 * status for observers, the Regulation on Partner status for partners, Art. 20 for suspension).
 */
import type { NoteKind } from '../correspondence/index.js';
import type { Pack } from '../framework/index.js';
import { changeFitsRole, standingRuleFor, type StandingChange } from '../membership/index.js';

export type ApplicationRole = 'member' | 'observer' | 'partner';

/** What the case asks the body to decide: an application (admit a member, grant observer/partner status) or a measure on existing standing. */
export type CaseChange = StandingChange;

/** The note that carries a state's own request for each status (CSTO Charter Art. 21: an official written request). */
export const REQUEST_KINDS: Record<ApplicationRole, NoteKind> = {
  member: 'accession-request',
  observer: 'observer-request',
  partner: 'partner-request',
};

export interface ApplicationRefusal {
  readonly code: 'invalid' | 'not-found' | 'conflict' | 'wrong-status' | 'not-allowed' | 'not-provided';
  readonly field: string;
  readonly message: string;
}

export interface Criterion {
  readonly id: string;
  readonly text: { readonly en: string; readonly ru: string };
  readonly cites: readonly string[];
}

export interface Requirements {
  readonly body: string;
  readonly question: string;
  readonly criteria: readonly Criterion[];
  readonly cites: readonly string[];
}

export type RequirementsResult = { readonly ok: true; readonly value: Requirements } | { readonly ok: false; readonly refusal: ApplicationRefusal };

/** An application asks for a status; any other change is a measure on a standing held. */
export function isApplication(change: CaseChange): change is 'admit' | 'grant' {
  return change === 'admit' || change === 'grant';
}

/** The change an application for a role asks for. */
export function applicationChange(role: ApplicationRole): 'admit' | 'grant' {
  return role === 'member' ? 'admit' : 'grant';
}

export function requirementsOf(pack: Pack, role: ApplicationRole, change: CaseChange): RequirementsResult {
  const field = isApplication(change) ? 'status' : 'change';
  const misfit = changeFitsRole(role, change);
  if (misfit) return { ok: false, refusal: { code: 'not-allowed', field, message: misfit } };
  const kind = standingRuleFor(role, change);
  const rule = pack.standing?.[kind];
  const organization = pack.organization.abbreviation.en;
  if (!rule) return { ok: false, refusal: { code: 'not-provided', field, message: `the ${organization} framework has no rule on ${kind}` } };
  // OSCE suspension: the Prague document names no body that exists today, so no case can be put.
  if (rule.decidedBy === undefined) {
    return { ok: false, refusal: { code: 'not-provided', field, message: `the ${organization} framework names no body that decides on ${kind}` } };
  }
  return {
    ok: true,
    value: { body: rule.decidedBy, question: rule.question ?? 'substantive', criteria: rule.criteria ?? [], cites: rule.cites },
  };
}
