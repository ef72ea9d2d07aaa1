/**
 * The register of official notes and the record of public statements, side by side and never
 * mixed: a note is a state's act, a statement is information that changes no status.
 */
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFramework } from '../../api/framework';
import { useAction, useApi } from '../../api/hooks';
import { useLiveRefresh } from '../../api/live';
import { NOTE_KINDS, type NoteKind, type OfficialNote, type PublicStatement } from '../../api/types';
import { localToday } from '../../components/format';
import { placeProblem, ProblemBanner, Saved, SelectField, SubmitButton, TextArea, TextField } from '../../components/forms';
import { Loading, Page } from '../../components/page';
import { NoteTable, StatementList } from '../../components/records';
import { useLabels } from '../../i18n/labels';
import { useSignIn } from '../../sign-in/sign-in';
import { NOTE_STREAMS, STATEMENT_STREAMS } from '../../../../src/core/correspondence/streams';

function StateOptions(): ReactNode {
  const framework = useFramework();
  const labels = useLabels();
  return (
    <>
      {(framework?.members ?? []).map((m) => (
        <option key={m} value={m}>
          {labels.state(m)} ({m})
        </option>
      ))}
    </>
  );
}

/** The sender choice that asks for a code: a state outside the framework (an applicant) writes too. */
const OTHER_SENDER = '*';

function NoteForm({ onDone }: { readonly onDone: () => void }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const framework = useFramework();
  const action = useAction<Omit<OfficialNote, 'id'>, { note: OfficialNote }>('/api/correspondence');
  const [senderChoice, setSender] = useState('');
  const [otherSender, setOtherSender] = useState('');
  const [authority, setAuthority] = useState('');
  const [reference, setReference] = useState('');
  const [dated, setDated] = useState(localToday);
  const [kind, setKind] = useState<NoteKind>('other');
  const [subject, setSubject] = useState('');
  const [backdatingReason, setBackdatingReason] = useState('');
  const [saved, setSaved] = useState(false);
  const other = senderChoice === OTHER_SENDER;
  const sender = other ? otherSender.trim().toUpperCase() : senderChoice || (framework?.members[0] ?? '');
  const placed = placeProblem(action.problem, ['sender', 'authority', 'reference', 'dated', 'kind', 'subject', 'backdatingReason']);
  // The server says when a date needs a reason (long past, or before the sender's membership); the form then asks for it.
  const confirmingDate = placed.at('backdatingReason') !== undefined || backdatingReason !== '';

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setSaved(false);
    const reason = backdatingReason.trim();
    const result = await action.run({ sender, authority, reference, dated, kind, subject, ...(reason === '' ? {} : { backdatingReason: reason }) });
    if (result.ok) {
      setSaved(true);
      setAuthority('');
      setReference('');
      setSubject('');
      setBackdatingReason('');
      onDone();
    }
  };

  return (
    <form className="subform" onSubmit={(event) => void submit(event)} aria-labelledby="note-form-heading" noValidate>
      <h3 id="note-form-heading">{t('correspondence.registerTitle')}</h3>
      <ProblemBanner problem={placed.top} focus />
      <div className="two-columns">
        <SelectField label={t('correspondence.sender')} required value={other ? OTHER_SENDER : sender} error={other ? undefined : placed.at('sender')} onChange={(e) => { setSender(e.target.value); }}>
          <StateOptions />
          <option value={OTHER_SENDER}>{t('correspondence.otherSender')}</option>
        </SelectField>
        {other && (
          <TextField
            label={t('correspondence.senderCode')}
            required
            value={otherSender}
            maxLength={3}
            autoCapitalize="characters"
            pattern="[A-Za-z]{3}"
            error={placed.at('sender')}
            onChange={(e) => { setOtherSender(e.target.value); }}
          />
        )}
        <SelectField
          label={t('correspondence.kind')}
          required
          value={kind}
          error={placed.at('kind')}
          hint={kind === 'withdrawal-notice' ? t('correspondence.withdrawalWarning') : undefined}
          onChange={(e) => { setKind(e.target.value as NoteKind); }}
        >
          {NOTE_KINDS.map((k) => (
            <option key={k} value={k}>
              {labels.noteKind(k)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('correspondence.authority')} required value={authority} error={placed.at('authority')} onChange={(e) => { setAuthority(e.target.value); }} />
        <TextField label={t('correspondence.reference')} required value={reference} error={placed.at('reference')} onChange={(e) => { setReference(e.target.value); }} />
        <TextField label={t('correspondence.dated')} type="date" required value={dated} error={placed.at('dated')} onChange={(e) => { setDated(e.target.value); }} />
      </div>
      <TextArea label={t('correspondence.subject')} required rows={2} value={subject} error={placed.at('subject')} onChange={(e) => { setSubject(e.target.value); }} />
      {confirmingDate && (
        <fieldset className="confirm-date">
          <legend>{t('correspondence.backdatingTitle')}</legend>
          <p>{t('correspondence.backdatingConfirm', { dated })}</p>
          <TextArea
            label={t('correspondence.backdatingReason')}
            required
            rows={2}
            value={backdatingReason}
            error={placed.at('backdatingReason')}
            onChange={(e) => { setBackdatingReason(e.target.value); }}
          />
        </fieldset>
      )}
      <SubmitButton pending={action.pending}>{t(confirmingDate ? 'correspondence.registerBackdated' : 'correspondence.register')}</SubmitButton>
      <Saved show={saved} />
    </form>
  );
}

function StatementForm({ onDone }: { readonly onDone: () => void }): ReactNode {
  const { t } = useTranslation();
  const framework = useFramework();
  const action = useAction<Omit<PublicStatement, 'id'>, { statement: PublicStatement }>('/api/statements');
  const [speaker, setSpeaker] = useState('');
  const [stateChoice, setState] = useState('');
  const [venue, setVenue] = useState('');
  const [saidOn, setSaidOn] = useState(localToday);
  const [url, setUrl] = useState('');
  const [summary, setSummary] = useState('');
  const [saved, setSaved] = useState(false);
  const state = stateChoice || (framework?.members[0] ?? '');
  const placed = placeProblem(action.problem, ['speaker', 'state', 'venue', 'saidOn', 'url', 'summary']);

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setSaved(false);
    const result = await action.run({ speaker, state, venue, saidOn, url, summary });
    if (result.ok) {
      setSaved(true);
      setSpeaker('');
      setVenue('');
      setUrl('');
      setSummary('');
      onDone();
    }
  };

  return (
    <form className="subform" onSubmit={(event) => void submit(event)} aria-labelledby="statement-form-heading" noValidate>
      <h3 id="statement-form-heading">{t('correspondence.recordTitle')}</h3>
      <ProblemBanner problem={placed.top} focus />
      <div className="two-columns">
        <TextField label={t('correspondence.speaker')} required value={speaker} error={placed.at('speaker')} onChange={(e) => { setSpeaker(e.target.value); }} />
        <SelectField label={t('correspondence.state')} required value={state} error={placed.at('state')} onChange={(e) => { setState(e.target.value); }}>
          <StateOptions />
        </SelectField>
        <TextField label={t('correspondence.venue')} required value={venue} error={placed.at('venue')} onChange={(e) => { setVenue(e.target.value); }} />
        <TextField label={t('correspondence.saidOn')} type="date" required value={saidOn} error={placed.at('saidOn')} onChange={(e) => { setSaidOn(e.target.value); }} />
      </div>
      <TextField label={t('correspondence.url')} type="url" value={url} error={placed.at('url')} onChange={(e) => { setUrl(e.target.value); }} />
      <TextArea label={t('correspondence.summary')} required rows={3} value={summary} error={placed.at('summary')} onChange={(e) => { setSummary(e.target.value); }} />
      <SubmitButton pending={action.pending}>{t('correspondence.recordStatement')}</SubmitButton>
      <Saved show={saved} />
    </form>
  );
}

export function CorrespondencePage(): ReactNode {
  const { t } = useTranslation();
  const { can } = useSignIn();
  const labels = useLabels();
  const framework = useFramework();
  const [filter, setFilter] = useState('');
  const notes = useApi<{ notes: OfficialNote[] }>(can('correspondence:read') ? '/api/correspondence' : null);
  const statements = useApi<{ statements: PublicStatement[] }>(`/api/statements${filter === '' ? '' : `?state=${encodeURIComponent(filter)}`}`);
  useLiveRefresh([`${NOTE_STREAMS}*`], notes.reload);
  useLiveRefresh([`${STATEMENT_STREAMS}*`], statements.reload);

  return (
    <Page title={t('correspondence.title')} problem={notes.problem ?? statements.problem}>
      <p className="intro">{t('correspondence.intro')}</p>
      <div className="correspondence">
        {can('correspondence:read') && (
          <section className="card notes" aria-labelledby="notes-heading">
            <h2 id="notes-heading">{t('correspondence.notes')}</h2>
            <Loading when={notes.loading && notes.data === undefined} />
            {notes.data?.notes.length === 0 && <p>{t('correspondence.noNotes')}</p>}
            {notes.data !== undefined && notes.data.notes.length > 0 && <NoteTable notes={notes.data.notes} caption={t('correspondence.notes')} />}
            {can('correspondence:register') && <NoteForm onDone={notes.reload} />}
          </section>
        )}
        <section className="card statements" aria-labelledby="statements-heading">
          <h2 id="statements-heading">{t('correspondence.statements')}</h2>
          <SelectField label={t('correspondence.filterState')} value={filter} onChange={(e) => { setFilter(e.target.value); }}>
            <option value="">{t('correspondence.allStates')}</option>
            {(framework?.members ?? []).map((m) => (
              <option key={m} value={m}>
                {labels.state(m)} ({m})
              </option>
            ))}
          </SelectField>
          <Loading when={statements.loading && statements.data === undefined} />
          {statements.data?.statements.length === 0 && <p>{t('correspondence.noStatements')}</p>}
          {statements.data !== undefined && statements.data.statements.length > 0 && <StatementList statements={statements.data.statements} />}
          {can('statement:record') && <StatementForm onDone={statements.reload} />}
        </section>
      </div>
    </Page>
  );
}
