/**
 * What the applications pages show alike: a case's status and each finding as a badge, what a
 * case asks for in words, and the field that takes a state's code.
 */
import { useId, type ReactNode } from 'react';
import { useFramework, useStateName } from '../../api/framework';
import { TextField } from '../../components/forms';
import { useLabels } from '../../i18n/labels';
import { useApplicationsTranslation } from './strings';
import { isApplication, isKnownChange, type ApplicationView, type CaseStatus, type Finding } from './types';

const STATUS_CLASS: Readonly<Record<CaseStatus, string>> = {
  open: 'badge-outcome-pending',
  adopted: 'badge-outcome-adopted',
  rejected: 'badge-outcome-rejected',
  withdrawn: 'badge-former',
  lapsed: 'badge-former',
};

const FINDING_CLASS: Readonly<Record<Finding, string>> = {
  met: 'badge-outcome-adopted',
  unmet: 'badge-outcome-rejected',
  unanswered: 'badge-outcome-pending',
};

export function CaseStatusBadge({ status }: { readonly status: CaseStatus }): ReactNode {
  const ts = useApplicationsTranslation();
  return <span className={`badge ${STATUS_CLASS[status]}`}>{ts(`statuses.${status}`)}</span>;
}

export function FindingBadge({ finding }: { readonly finding: Finding }): ReactNode {
  const ts = useApplicationsTranslation();
  return <span className={`badge ${FINDING_CLASS[finding]}`}>{ts(`assessment.${finding}`)}</span>;
}

/** "observer status", "admission as a member", "suspension (member state)". */
export function useAsked(): (view: Pick<ApplicationView, 'role' | 'change'>) => string {
  const ts = useApplicationsTranslation();
  const labels = useLabels();
  return ({ role, change }) => {
    if (isApplication(change)) return change === 'admit' ? ts('changes.admit') : ts(`roles.${role}`);
    return `${isKnownChange(change) ? ts(`changes.${change}`) : change} (${labels.partyRole(role)})`;
  };
}

/** The applicant's name and code, e.g. "Armenia ARM", or the code alone for a state the desk cannot name. */
export function StateNamed({ code }: { readonly code: string }): ReactNode {
  const name = useStateName()(code);
  return name === code ? <span className="code">{code}</span> : <>{name} <span className="code">{code}</span></>;
}

/** A state by its ISO code: an applicant is usually not a party yet, so any code may be typed; the parties are suggested. */
export function StateCodeField({ label, hint, value, error, onChange }: { readonly label: string; readonly hint?: string; readonly value: string; readonly error: string | undefined; readonly onChange: (code: string) => void }): ReactNode {
  const framework = useFramework();
  const stateName = useStateName();
  const listId = useId();
  return (
    <>
      <TextField
        label={label}
        hint={hint}
        required
        value={value}
        maxLength={3}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        list={listId}
        error={error}
        onChange={(e) => { onChange(e.target.value.trim().toUpperCase()); }}
      />
      <datalist id={listId}>
        {(framework?.members ?? []).map((m) => (
          <option key={m} value={m}>
            {stateName(m)}
          </option>
        ))}
      </datalist>
    </>
  );
}
