/**
 * Ending a case without a decision: the applicant withdraws its application by a note of its own,
 * or the secretariat records that the case lapsed, saying why. Either stays in the ledger, so it is
 * confirmed first.
 */
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { useStateName } from '../../api/framework';
import { useAction } from '../../api/hooks';
import { CarryingNoteField, NoNoteNotice, useCarryingNote } from '../../components/carrying-note';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { placeProblem, ProblemBanner, SubmitButton, TextArea } from '../../components/forms';
import { useSignIn } from '../../sign-in/sign-in';
import { useApplicationsTranslation } from './strings';
import { isApplication, type ApplicationView } from './types';

type Done = (view: ApplicationView) => void;

function WithdrawForm({ view, onDone }: { readonly view: ApplicationView; readonly onDone: Done }): ReactNode {
  const ts = useApplicationsTranslation();
  const stateName = useStateName();
  const action = useAction<{ noteId: string }, ApplicationView>(`/api/applications/${encodeURIComponent(view.id)}/withdrawal`);
  const note = useCarryingNote(true, view.applicant);
  const [confirming, setConfirming] = useState(false);
  const placed = placeProblem(action.problem, note.offered ? ['noteId'] : []);
  const send = async (): Promise<void> => {
    setConfirming(false);
    const result = await action.run({ noteId: note.noteId });
    if (result.ok) onDone(result.value);
  };
  return (
    <form
      className="subform"
      aria-labelledby="withdraw-heading"
      noValidate
      onSubmit={(event: SyntheticEvent) => {
        event.preventDefault();
        setConfirming(true);
      }}
    >
      <h3 id="withdraw-heading">{ts('page.withdrawTitle')}</h3>
      <ProblemBanner problem={placed.top} focus />
      <div className="inline-fields">
        <CarryingNoteField note={note} label={ts('page.withdrawNote')} error={placed.at('noteId')} required />
        {note.offered && <SubmitButton pending={action.pending}>{ts('page.withdraw')}</SubmitButton>}
      </div>
      <NoNoteNotice note={note} />
      <ConfirmDialog open={confirming} title={ts('page.withdrawTitle')} confirmLabel={ts('page.withdraw')} onCancel={() => { setConfirming(false); }} onConfirm={() => void send()}>
        <p>{ts('page.confirmWithdraw', { state: stateName(view.applicant) })}</p>
      </ConfirmDialog>
    </form>
  );
}

function LapseForm({ view, onDone }: { readonly view: ApplicationView; readonly onDone: Done }): ReactNode {
  const ts = useApplicationsTranslation();
  const stateName = useStateName();
  const action = useAction<{ reason: string }, ApplicationView>(`/api/applications/${encodeURIComponent(view.id)}/lapse`);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const placed = placeProblem(action.problem, ['reason']);
  const send = async (): Promise<void> => {
    setConfirming(false);
    const result = await action.run({ reason });
    if (result.ok) onDone(result.value);
  };
  return (
    <form
      className="subform"
      aria-labelledby="lapse-heading"
      noValidate
      onSubmit={(event: SyntheticEvent) => {
        event.preventDefault();
        setConfirming(true);
      }}
    >
      <h3 id="lapse-heading">{ts('page.lapseTitle')}</h3>
      <ProblemBanner problem={placed.top} focus />
      <TextArea label={ts('page.reason')} required rows={2} value={reason} error={placed.at('reason')} onChange={(e) => { setReason(e.target.value); }} />
      <SubmitButton pending={action.pending}>{ts('page.lapse')}</SubmitButton>
      <ConfirmDialog open={confirming} title={ts('page.lapseTitle')} confirmLabel={ts('page.lapse')} onCancel={() => { setConfirming(false); }} onConfirm={() => void send()}>
        <p>{ts('page.confirmLapse', { state: stateName(view.applicant) })}</p>
      </ConfirmDialog>
    </form>
  );
}

/** Only an applicant withdraws: a measure the secretariat proposed can only lapse. */
export function EndCase({ view, onDone }: { readonly view: ApplicationView; readonly onDone: Done }): ReactNode {
  const ts = useApplicationsTranslation();
  const { can } = useSignIn();
  const withdrawable = isApplication(view.change) && can('application:withdraw');
  const lapsable = can('application:lapse');
  if (!withdrawable && !lapsable) return null;
  return (
    <section className="card actions-card" aria-labelledby="end-case-heading">
      <h2 id="end-case-heading">{ts('page.endTitle')}</h2>
      <div className="two-columns">
        {withdrawable && <WithdrawForm view={view} onDone={onDone} />}
        {lapsable && <LapseForm view={view} onDone={onDone} />}
      </div>
    </section>
  );
}
