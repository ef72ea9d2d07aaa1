/**
 * Opening a case: the secretariat records a state's application from the registered note that
 * carries its request (CSTO Charter Art. 19 and 21: the request goes to the Secretary General),
 * or proposes a measure on a standing held, resting on a note when there is one.
 */
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { query } from '../../api/client';
import { useAction, useApi } from '../../api/hooks';
import { useLiveRefresh } from '../../api/live';
import type { OfficialNote } from '../../api/types';
import { CarryingNoteField, useCarryingNote } from '../../components/carrying-note';
import { placeProblem, ProblemBanner, SelectField, SubmitButton } from '../../components/forms';
import { useLabels } from '../../i18n/labels';
import { StateCodeField } from './bits';
import { useApplicationsTranslation } from './strings';
import { ISO_ALPHA3, MEASURES, REQUEST_KINDS, ROLES, type ApplicationRole, type ApplicationView, type MeasureChange } from './types';
import { NOTE_STREAMS } from '../../../../src/core/correspondence/streams';

interface SubmitBody {
  readonly state: string;
  readonly status: ApplicationRole;
  readonly noteId: string;
}

export function SubmitForm(): ReactNode {
  const { t } = useTranslation();
  const ts = useApplicationsTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const action = useAction<SubmitBody, ApplicationView>('/api/applications');
  const [state, setState] = useState('');
  const [status, setStatus] = useState<ApplicationRole>('observer');
  const kind = REQUEST_KINDS[status];
  const note = useCarryingNote(true, ISO_ALPHA3.test(state) ? state : '', kind);
  const placed = placeProblem(action.problem, ['state', 'status', 'noteId']);

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const result = await action.run({ state, status, noteId: note.noteId });
    if (result.ok) void navigate(`/applications/${encodeURIComponent(result.value.id)}`);
  };

  return (
    <form className="card form-grid" onSubmit={(event) => void submit(event)} aria-labelledby="submit-application-heading" noValidate>
      <h2 id="submit-application-heading">{ts('submit.title')}</h2>
      <ProblemBanner problem={placed.top} focus />
      <div className="three-columns">
        <StateCodeField label={ts('submit.state')} hint={ts('submit.stateHint')} value={state} error={placed.at('state')} onChange={setState} />
        <SelectField label={ts('submit.status')} required value={status} error={placed.at('status')} onChange={(e) => { setStatus(e.target.value as ApplicationRole); }}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ts(`roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <CarryingNoteField note={note} label={ts('submit.note')} error={placed.at('noteId')} required />
      </div>
      {note.missing && (
        <p className="notice">
          {ts('submit.noNote', { kind: labels.noteKind(kind) })} <Link to="/correspondence">{t('nav.correspondence')}</Link>
        </p>
      )}
      <SubmitButton pending={action.pending}>{ts('submit.send')}</SubmitButton>
    </form>
  );
}

interface ProposeBody {
  readonly state: string;
  readonly change: MeasureChange;
  readonly role: ApplicationRole;
  readonly noteId?: string;
}

export function ProposeForm(): ReactNode {
  const ts = useApplicationsTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const action = useAction<ProposeBody, ApplicationView>('/api/applications/proposals');
  const [state, setState] = useState('');
  const [role, setRole] = useState<ApplicationRole>('member');
  const [change, setChange] = useState<MeasureChange>('suspend');
  const [noteChoice, setNote] = useState('');
  const notes = useApi<{ notes: OfficialNote[] }>(ISO_ALPHA3.test(state) ? `/api/correspondence${query({ sender: state })}` : null);
  useLiveRefresh([`${NOTE_STREAMS}*`], notes.reload);
  const offered = notes.data?.notes ?? [];
  const noteId = offered.some((n) => n.id === noteChoice) ? noteChoice : '';
  const placed = placeProblem(action.problem, ['state', 'role', 'change', 'noteId']);

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const result = await action.run(noteId === '' ? { state, change, role } : { state, change, role, noteId });
    if (result.ok) void navigate(`/applications/${encodeURIComponent(result.value.id)}`);
  };

  return (
    <form className="card form-grid" onSubmit={(event) => void submit(event)} aria-labelledby="propose-measure-heading" noValidate>
      <h2 id="propose-measure-heading">{ts('propose.title')}</h2>
      <ProblemBanner problem={placed.top} focus />
      <div className="two-columns">
        <StateCodeField label={ts('propose.state')} value={state} error={placed.at('state')} onChange={setState} />
        <SelectField label={ts('propose.role')} required value={role} error={placed.at('role')} onChange={(e) => { setRole(e.target.value as ApplicationRole); }}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {labels.partyRole(r)}
            </option>
          ))}
        </SelectField>
        <SelectField label={ts('propose.change')} required value={change} error={placed.at('change')} onChange={(e) => { setChange(e.target.value as MeasureChange); }}>
          {MEASURES.map((m) => (
            <option key={m} value={m}>
              {ts(`changes.${m}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={ts('propose.note')} value={noteId} error={placed.at('noteId')} onChange={(e) => { setNote(e.target.value); }}>
          <option value="">{ts('propose.noNote')}</option>
          {offered.map((n) => (
            <option key={n.id} value={n.id}>
              {n.dated} · {n.reference} · {labels.noteKind(n.kind)}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton pending={action.pending}>{ts('propose.send')}</SubmitButton>
    </form>
  );
}
