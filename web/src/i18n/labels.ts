/**
 * Words the API sends as codes (statuses, positions, procedures…) in the reader's language. A code
 * the desk does not know yet is shown as sent rather than hidden.
 */
import { useTranslation } from 'react-i18next';
import type { Localized, Role } from '../api/types';
import { en } from './en';

function has<T extends object>(dictionary: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(dictionary, key);
}

export interface Labels {
  readonly state: (code: string) => string;
  readonly status: (status: string) => string;
  readonly partyRole: (role: string) => string;
  readonly position: (position: string | undefined) => string;
  readonly outcome: (outcome: string) => string;
  readonly decisionStatus: (status: string) => string;
  readonly procedure: (procedure: string | null | undefined) => string;
  readonly question: (question: string) => string;
  readonly noteKind: (kind: string) => string;
  readonly tallyKey: (key: string) => string;
  readonly role: (role: Role) => string;
  readonly pick: (text: Localized | string) => string;
}

export function useLabels(): Labels {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'ru' ? 'ru' : 'en';
  return {
    state: (code) => (has(en.states, code) ? t(`states.${code}`) : code),
    status: (status) => (has(en.status, status) ? t(`status.${status}`) : status),
    partyRole: (role) => (has(en.partyRoles, role) ? t(`partyRoles.${role}`) : role),
    position: (position) => (position === undefined ? t('positions.none') : has(en.positions, position) ? t(`positions.${position}`) : position),
    outcome: (outcome) => (has(en.outcomes, outcome) ? t(`outcomes.${outcome}`) : outcome),
    decisionStatus: (status) => (has(en.decisionStatus, status) ? t(`decisionStatus.${status}`) : status),
    procedure: (procedure) => (procedure === null || procedure === undefined ? t('common.dash') : has(en.procedures, procedure) ? t(`procedures.${procedure}`) : procedure),
    question: (question) => (has(en.questions, question) ? t(`questions.${question}`) : question),
    noteKind: (kind) => (has(en.noteKinds, kind) ? t(`noteKinds.${kind}`) : kind),
    tallyKey: (key) => (has(en.tally, key) ? t(`tally.${key}`) : key),
    role: (role) => t(`roles.${role}`),
    pick: (text) => (typeof text === 'string' ? text : text[language] || text.en),
  };
}
