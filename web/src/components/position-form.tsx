/**
 * Recording a state's position. A delegate records their own state's; the secretariat records any
 * state's, on the registered note that carries it. Either way the position is confirmed first:
 * once in the ledger it stays there.
 */
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../api/hooks';
import { POSITION_WORDS, type DecisionView, type Localized, type PositionWord } from '../api/types';
import { ConfirmDialog } from './confirm-dialog';
import { placeProblem, ProblemBanner, SelectField, StateField, SubmitButton } from './forms';
import { useLabels } from '../i18n/labels';
import { CarryingNoteField, NoNoteNotice, useCarryingNote } from './carrying-note';

interface PositionBody {
  readonly state: string;
  readonly position: PositionWord;
  readonly noteId?: string;
}

interface PositionFormProps {
  readonly decisionId: string;
  readonly title: Localized;
  /** The states this user may record for; the first is preselected. */
  readonly states: readonly string[];
  /** The secretariat records on a registered note; a delegate's own entry needs none. */
  readonly needsNote: boolean;
  readonly onRecorded: (view: DecisionView) => void;
}

export function PositionForm({ decisionId, title, states, needsNote, onRecorded }: PositionFormProps): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const action = useAction<PositionBody, DecisionView>(`/api/decisions/${encodeURIComponent(decisionId)}/positions`);
  const [stateChoice, setState] = useState('');
  const [position, setPosition] = useState<PositionWord>('yes');
  const [confirming, setConfirming] = useState(false);
  const state = states.includes(stateChoice) ? stateChoice : (states[0] ?? '');
  const note = useCarryingNote(needsNote, state);
  const noteId = note.noteId;
  // Only the fields on screen may carry a problem; any other goes to the top of the form.
  const placed = placeProblem(action.problem, [...(states.length > 1 ? ['state'] : []), 'position', ...(note.offered ? ['noteId'] : [])]);
  const headingId = `record-${decisionId}`;
  if (states.length === 0) return null;

  const ask = (event: SyntheticEvent): void => {
    event.preventDefault();
    setConfirming(true);
  };
  const send = async (): Promise<void> => {
    setConfirming(false);
    const result = await action.run(needsNote && noteId !== '' ? { state, position, noteId } : { state, position });
    if (result.ok) onRecorded(result.value);
  };

  return (
    <form className="subform position-form" onSubmit={ask} aria-labelledby={headingId} noValidate>
      <h3 id={headingId}>{t('decisions.recordTitle')}</h3>
      <ProblemBanner problem={placed.top} focus />
      <div className="inline-fields">
        {states.length > 1 && <StateField label={t('common.state')} states={states} value={state} error={placed.at('state')} onPick={setState} />}
        <SelectField
          label={states.length > 1 ? t('decisions.position') : t('inbox.choose', { state: labels.state(state) })}
          value={position}
          error={placed.at('position')}
          onChange={(e) => { setPosition(e.target.value as PositionWord); }}
        >
          {POSITION_WORDS.map((word) => (
            <option key={word} value={word}>
              {labels.position(word)}
            </option>
          ))}
        </SelectField>
        <CarryingNoteField note={note} error={placed.at('noteId')} required />
        <SubmitButton pending={action.pending}>{t('decisions.record')}</SubmitButton>
      </div>
      <NoNoteNotice note={note} />
      <ConfirmDialog
        open={confirming}
        title={t('decisions.recordTitle')}
        confirmLabel={t('decisions.record')}
        onCancel={() => { setConfirming(false); }}
        onConfirm={() => void send()}
      >
        <p>{t('decisions.confirmRecord', { position: labels.position(position), state: labels.state(state), title: labels.pick(title) })}</p>
      </ConfirmDialog>
    </form>
  );
}
