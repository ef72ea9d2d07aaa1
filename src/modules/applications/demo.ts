/**
 * The demo's case under way: a request for observer status, marked as a demonstration, with one
 * criterion assessed and the Council's draft decision waiting to be tabled or circulated. Run
 * again, it records nothing: every step is keyed, and a keyed step sent again is answered from
 * the ledger.
 */
import { desk, registerOfficialNote, type Concord, type Outcome } from '../../app/index.js';
import { assessCriterion, submitApplication } from './handlers.js';

const DEMO_ACTOR = 'concord:demo';
const APPLICANT = 'SRB';

const REQUEST = {
  sender: APPLICANT,
  authority: 'Ministry of Foreign Affairs',
  reference: 'DEMO-OBS-1',
  dated: '2024-06-14',
  kind: 'observer-request',
  subject: 'Demonstration request, not an act of any state: observer status in the Organization / Демонстрационная просьба, не являющаяся актом государства: статус наблюдателя при Организации',
  // Its date is fixed (the demo is keyed and runs again unchanged), so it falls behind the present.
  backdatingReason: 'A demonstration record, entered whenever the demo is set up',
} as const;

export async function demoApplication(c: Concord): Promise<string | undefined> {
  if (c.framework.id !== 'csto') return undefined;
  const step = (name: string) => desk.systemPrincipal(DEMO_ACTOR, `demo:applications:${name}`);
  const note = must('observer request', await registerOfficialNote(c, REQUEST, desk.actorOf(step('note'))));
  const submitted = must('submit', await submitApplication(c, step('submit'), { state: APPLICANT, status: 'observer', noteId: note.id }));
  const first = submitted.criteria[0];
  if (first && first.assessment === 'unanswered') must('assess', await assessCriterion(c, step('assess'), submitted.id, { criterion: first.id, met: true, evidenceNoteId: note.id }));
  return `application ${submitted.id} (observer status, ${APPLICANT}) under way; its draft decision ${submitted.decisionId} awaits the Council`;
}

function must<T>(name: string, outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`demo step "${name}" was refused (${outcome.refusal.code}): ${outcome.refusal.field}: ${outcome.refusal.message}`);
  return outcome.value;
}
