/**
 * The applications API as the desk reads it: the server's own schema of a case (one definition
 * gives the request check, the OpenAPI entry and this wire type), and the choices the forms offer.
 */
import type { NoteKind } from '../../api/types';
import type { ApplicationView } from '../../../../src/modules/applications/schemas.js';

export type { ApplicationView } from '../../../../src/modules/applications/schemas.js';

export type CriterionView = ApplicationView['criteria'][number];
export type ApplicationRole = ApplicationView['role'];
export type CaseStatus = ApplicationView['status'];
export type Finding = CriterionView['assessment'];
export type CaseChange = 'admit' | 'grant' | 'suspend' | 'lift-suspension' | 'expel' | 'suspend-status' | 'annul';
export type MeasureChange = Exclude<CaseChange, 'admit' | 'grant'>;

export const ROLES = ['member', 'observer', 'partner'] as const satisfies readonly ApplicationRole[];
export const MEASURES = ['suspend', 'lift-suspension', 'expel', 'suspend-status', 'annul'] as const satisfies readonly MeasureChange[];
export const STATUSES = ['open', 'adopted', 'rejected', 'withdrawn', 'lapsed'] as const satisfies readonly CaseStatus[];
const CHANGES: readonly string[] = ['admit', 'grant', ...MEASURES];

/** The note that carries a state's own request for each status, as the core requires (CSTO Charter Art. 21: an official written request). */
export const REQUEST_KINDS: Readonly<Record<ApplicationRole, NoteKind>> = {
  member: 'accession-request',
  observer: 'observer-request',
  partner: 'partner-request',
};

/** The API sends the change as a word; one the desk does not know yet is shown as sent. */
export function isKnownChange(change: string): change is CaseChange {
  return CHANGES.includes(change);
}

export function isApplication(change: string): boolean {
  return change === 'admit' || change === 'grant';
}

export const ISO_ALPHA3 = /^[A-Z]{3}$/;
