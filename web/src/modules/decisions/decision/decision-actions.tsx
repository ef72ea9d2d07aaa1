/**
 * What the secretariat does with a decision: circulate the draft in writing, table it at a
 * session of its body, close the procedure, record a later accession.
 */
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useApi } from '../../../api/hooks';
import type { DecisionView, SessionSummary, SessionView } from '../../../api/types';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { formatInstant, localToday, toLocalInput } from '../../../components/format';
import { placeProblem, ProblemBanner, SelectField, StateField, SubmitButton, TextField } from '../../../components/forms';
import { useLabels } from '../../../i18n/labels';
import { CarryingNoteField, NoNoteNotice, useCarryingNote } from '../../../components/carrying-note';

type Done = (view: DecisionView) => void;

export function CirculateForm({ view, onDone }: { readonly view: DecisionView; readonly onDone: Done }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const action = useAction<{ procedure: 'written' | 'silence'; deadline: string }, DecisionView>(`/api/decisions/${encodeURIComponent(view.id)}/circulate`);
  const [procedure, setProcedure] = useState<'written' | 'silence'>('written');
  const [deadline, setDeadline] = useState(() => toLocalInput(new Date(Date.now() + 14 * 86_400_000)).slice(0, 11) + '18:00');
  const [confirming, setConfirming] = useState(false);
  const placed = placeProblem(action.problem, ['procedure', 'deadline']);
  const instant = Number.isNaN(new Date(deadline).getTime()) ? '' : new Date(deadline).toISOString();

  const send = async (): Promise<void> => {
    setConfirming(false);
    const result = await action.run({ procedure, deadline: instant });
    if (result.ok) onDone(result.value);
  };
  return (
    <form
      onSubmit={(event: SyntheticEvent) => {
        event.preventDefault();
        setConfirming(true);
      }}
      aria-labelledby="circulate-heading"
      className="subform"
      noValidate
    >
      <h3 id="circulate-heading">{t('decisions.circulateTitle')}</h3>
      <ProblemBanner problem={placed.top} focus />
      <div className="inline-fields">
        <SelectField label={t('decisions.procedure')} value={procedure} error={placed.at('procedure')} onChange={(e) => { setProcedure(e.target.value === 'silence' ? 'silence' : 'written'); }}>
          <option value="written">{labels.procedure('written')}</option>
          <option value="silence">{labels.procedure('silence')}</option>
        </SelectField>
        <TextField label={t('decisions.deadlineLocal')} type="datetime-local" required value={deadline} error={placed.at('deadline')} onChange={(e) => { setDeadline(e.target.value); }} />
        <SubmitButton pending={action.pending}>{t('decisions.circulate')}</SubmitButton>
      </div>
      <ConfirmDialog open={confirming} title={t('decisions.circulateTitle')} confirmLabel={t('decisions.circulate')} onCancel={() => { setConfirming(false); }} onConfirm={() => void send()}>
        <p>{t('decisions.confirmCirculate', { title: labels.pick(view.title), procedure: labels.procedure(procedure), deadline: instant === '' ? deadline : formatInstant(instant) })}</p>
      </ConfirmDialog>
    </form>
  );
}

export function TableForm({ view, onDone }: { readonly view: DecisionView; readonly onDone: () => void }): ReactNode {
  const { t } = useTranslation();
  const sessions = useApi<{ sessions: SessionSummary[] }>('/api/sessions');
  const open = (sessions.data?.sessions ?? []).filter((s) => s.status === 'open' && s.body === view.body);
  const [choice, setChoice] = useState('');
  const sessionId = open.some((s) => s.id === choice) ? choice : (open[0]?.id ?? '');
  const action = useAction<{ decisionId: string }, SessionView>(`/api/sessions/${encodeURIComponent(sessionId)}/items`);
  const placed = placeProblem(action.problem, open.length > 0 ? ['sessionId'] : []);

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const result = await action.run({ decisionId: view.id });
    if (result.ok) onDone();
  };
  return (
    <form className="subform" onSubmit={(event) => void submit(event)} aria-labelledby="table-heading" noValidate>
      <h3 id="table-heading">{t('decisions.tableTitle')}</h3>
      <ProblemBanner problem={placed.top} focus />
      {sessions.data !== undefined && open.length === 0 ? (
        <p>{t('decisions.noOpenSession')}</p>
      ) : (
        <div className="inline-fields">
          <SelectField label={t('decisions.session')} value={sessionId} error={placed.at('sessionId')} onChange={(e) => { setChoice(e.target.value); }}>
            {open.map((s) => (
              <option key={s.id} value={s.id}>
                {s.date} · {s.place} ({s.id})
              </option>
            ))}
          </SelectField>
          <SubmitButton pending={action.pending}>{t('decisions.tableIt')}</SubmitButton>
        </div>
      )}
    </form>
  );
}

export function CloseButton({ view, onDone }: { readonly view: DecisionView; readonly onDone: Done }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const action = useAction<Record<string, never>, DecisionView>(`/api/decisions/${encodeURIComponent(view.id)}/close`);
  const [confirming, setConfirming] = useState(false);
  const send = async (): Promise<void> => {
    setConfirming(false);
    const result = await action.run({});
    if (result.ok) onDone(result.value);
  };
  return (
    <div className="close-box">
      <ProblemBanner problem={action.problem} focus />
      <button type="button" className="danger" disabled={action.pending} onClick={() => { setConfirming(true); }}>
        {t('decisions.close')}
      </button>
      <ConfirmDialog open={confirming} title={t('decisions.closeTitle')} confirmLabel={t('decisions.close')} onCancel={() => { setConfirming(false); }} onConfirm={() => void send()}>
        <p>{t('decisions.confirmClose', { title: labels.pick(view.title) })}</p>
      </ConfirmDialog>
    </div>
  );
}

interface AccessionBody {
  readonly state: string;
  readonly accededOn: string;
  readonly noteId?: string;
}

export function AccessionForm({ view, states, needsNote, onDone }: { readonly view: DecisionView; readonly states: readonly string[]; readonly needsNote: boolean; readonly onDone: Done }): ReactNode {
  const { t } = useTranslation();
  const action = useAction<AccessionBody, DecisionView>(`/api/decisions/${encodeURIComponent(view.id)}/accessions`);
  const [stateChoice, setState] = useState('');
  const [accededOn, setAccededOn] = useState(localToday);
  const state = states.includes(stateChoice) ? stateChoice : (states[0] ?? '');
  const note = useCarryingNote(needsNote, state);
  const noteId = note.noteId;
  const placed = placeProblem(action.problem, ['state', 'accededOn', ...(note.offered ? ['noteId'] : [])]);
  if (states.length === 0) return null;

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const result = await action.run(needsNote && noteId !== '' ? { state, accededOn, noteId } : { state, accededOn });
    if (result.ok) onDone(result.value);
  };
  return (
    <form className="subform" onSubmit={(event) => void submit(event)} aria-labelledby="accession-heading" noValidate>
      <h3 id="accession-heading">{t('decisions.accessionTitle')}</h3>
      <ProblemBanner problem={placed.top} focus />
      <div className="inline-fields">
        <StateField label={t('common.state')} states={states} value={state} error={placed.at('state')} onPick={setState} />
        <TextField label={t('decisions.accededOn')} type="date" required value={accededOn} error={placed.at('accededOn')} onChange={(e) => { setAccededOn(e.target.value); }} />
        <CarryingNoteField note={note} error={placed.at('noteId')} />
        <SubmitButton pending={action.pending}>{t('decisions.accede')}</SubmitButton>
      </div>
      <NoNoteNotice note={note} />
    </form>
  );
}
