/**
 * The draft a case puts before the competent body, in English and Russian: what it decides about
 * whom, on what request, under which articles. The Russian titles name the state after a colon,
 * so that no name has to be declined.
 */
import type { ApplicationRole, CaseChange, Requirements } from '../../core/applications/index.js';
import type { Localized } from '../../core/decision/index.js';
import { describeCitation, findBody, memberName, type Pack } from '../../core/framework/index.js';

type Wording = Readonly<Record<CaseChange, (role: ApplicationRole) => Localized>>;

const ROLE_RU: Readonly<Record<ApplicationRole, string>> = { member: 'члена', observer: 'наблюдателя', partner: 'партнёра' };

const WHAT: Wording = {
  admit: () => ({ en: 'Admission as a member state', ru: 'Приём в члены Организации' }),
  grant: (role) => ({ en: `Granting ${role} status`, ru: `Предоставление статуса ${ROLE_RU[role]}` }),
  suspend: () => ({ en: 'Suspension of membership', ru: 'Приостановление членства' }),
  'lift-suspension': () => ({ en: 'Lifting of the suspension of membership', ru: 'Возобновление членства' }),
  expel: () => ({ en: 'Expulsion from the Organization', ru: 'Исключение из Организации' }),
  'suspend-status': (role) => ({ en: `Suspension of ${role} status`, ru: `Приостановление статуса ${ROLE_RU[role]}` }),
  annul: (role) => ({ en: `Annulment of ${role} status`, ru: `Аннулирование статуса ${ROLE_RU[role]}` }),
};

export interface CaseDraft {
  readonly title: Localized;
  readonly text: Localized;
}

export function draftOfCase(pack: Pack, party: string, role: ApplicationRole, change: CaseChange, requirements: Requirements, note: { reference: string; dated: string } | undefined): CaseDraft {
  const what = WHAT[change](role);
  const name = { en: memberName(pack, party), ru: memberName(pack, party, 'ru') };
  const body = findBody(pack, requirements.body)?.name ?? { en: requirements.body, ru: requirements.body };
  const basis = requirements.cites.map((cite) => describeCitation(pack, cite)).join('; ');
  const request = note ? { en: ` and to the note ${note.reference} of ${note.dated}`, ru: ` и ноту ${note.reference} от ${note.dated}` } : { en: '', ru: '' };
  return {
    title: { en: `${what.en}: ${name.en}`, ru: `${what.ru}: ${name.ru}` },
    text: {
      en: `The ${body.en}, having regard to ${basis || 'the framework'}${request.en}, decides: ${what.en.toLowerCase()} — ${name.en} (${party}).`,
      ru: `${body.ru}, принимая во внимание ${basis || 'учредительные документы'}${request.ru}, решает: ${what.ru.toLowerCase()} — ${name.ru} (${party}).`,
    },
  };
}
