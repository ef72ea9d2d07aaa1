/**
 * The secretariat's finding on one criterion: met or not, resting on a registered note (the
 * applicant's request, a certificate, another member's note). A later finding replaces it.
 */
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { useAction } from '../../api/hooks';
import type { OfficialNote } from '../../api/types';
import { placeProblem, ProblemBanner, SelectField, SubmitButton } from '../../components/forms';
import { useLabels } from '../../i18n/labels';
import { useApplicationsTranslation } from './strings';
import type { ApplicationView, CriterionView } from './types';

interface AssessmentBody {
  readonly criterion: string;
  readonly met: boolean;
  readonly evidenceNoteId: string;
}

export function AssessForm({ view, criterion, notes, onDone }: { readonly view: ApplicationView; readonly criterion: CriterionView; readonly notes: readonly OfficialNote[]; readonly onDone: (view: ApplicationView) => void }): ReactNode {
  const ts = useApplicationsTranslation();
  const labels = useLabels();
  const action = useAction<AssessmentBody, ApplicationView>(`/api/applications/${encodeURIComponent(view.id)}/assessments`);
  const [met, setMet] = useState(criterion.assessment !== 'unmet');
  const [choice, setChoice] = useState(criterion.evidence ?? '');
  // The applicant's own notes first: most findings rest on what it sent.
  const ordered = [...notes].sort((a, b) => Number(b.sender === view.applicant) - Number(a.sender === view.applicant) || b.dated.localeCompare(a.dated));
  const evidenceNoteId = ordered.some((n) => n.id === choice) ? choice : (ordered[0]?.id ?? '');
  const placed = placeProblem(action.problem, ['met', 'evidenceNoteId']);
  const headingId = `assess-${criterion.id}`;

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const result = await action.run({ criterion: criterion.id, met, evidenceNoteId });
    if (result.ok) onDone(result.value);
  };

  if (ordered.length === 0) return <p className="hint">{ts('page.noEvidence')}</p>;
  return (
    <form className="assess-form" onSubmit={(event) => void submit(event)} aria-labelledby={headingId} noValidate>
      <h4 id={headingId} className="visually-hidden">
        {ts('page.assessTitle', { criterion: labels.pick(criterion.text) })}
      </h4>
      <ProblemBanner problem={placed.top} focus />
      <div className="inline-fields">
        <SelectField label={ts('page.met')} value={met ? 'yes' : 'no'} error={placed.at('met')} onChange={(e) => { setMet(e.target.value === 'yes'); }}>
          <option value="yes">{ts('page.yes')}</option>
          <option value="no">{ts('page.no')}</option>
        </SelectField>
        <SelectField label={ts('page.evidenceNote')} required value={evidenceNoteId} error={placed.at('evidenceNoteId')} onChange={(e) => { setChoice(e.target.value); }}>
          {ordered.map((n) => (
            <option key={n.id} value={n.id}>
              {n.dated} · {n.sender} · {n.reference} · {labels.noteKind(n.kind)}
            </option>
          ))}
        </SelectField>
        <SubmitButton pending={action.pending}>{ts('page.record')}</SubmitButton>
      </div>
    </form>
  );
}
