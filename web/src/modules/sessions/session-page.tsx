/**
 * One session: its chair, its agenda, who is present (presence without objection counts as
 * consent when an item is decided at the session), the no-objection notices of absent members,
 * and its closing.
 */
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useBodyName, useFramework } from '../../api/framework';
import { useAction, useApi } from '../../api/hooks';
import { useLiveRefresh } from '../../api/live';
import { query } from '../../api/client';
import type { DecisionSummary, Registry, SessionView } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateText } from '../../components/format';
import { placeProblem, ProblemBanner, Saved, SelectField, StateField, SubmitButton } from '../../components/forms';
import { Loading, Page } from '../../components/page';
import { useLabels } from '../../i18n/labels';
import { useCarryingNote } from '../../components/carrying-note';
import { useSignIn } from '../../sign-in/sign-in';
import { DataTable } from '../../components/data-table';
import { useSessionsTranslation } from './strings';
import { DECISION_STREAMS } from '../../../../src/core/decision/streams';
import { sessionStream } from '../../../../src/core/session/streams';

function AgendaForm({ session, drafts, onDone }: { readonly session: SessionView; readonly drafts: readonly DecisionSummary[]; readonly onDone: () => void }): ReactNode {
  const ts = useSessionsTranslation();
  const labels = useLabels();
  const action = useAction<{ decisionId: string }, SessionView>(`/api/sessions/${encodeURIComponent(session.id)}/items`);
  const [choice, setChoice] = useState('');
  const decisionId = drafts.some((d) => d.id === choice) ? choice : (drafts[0]?.id ?? '');
  const placed = placeProblem(action.problem, ['decisionId']);
  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const result = await action.run({ decisionId });
    if (result.ok) onDone();
  };
  if (drafts.length === 0) return <p className="hint">{ts('noDrafts')}</p>;
  return (
    <form className="subform" onSubmit={(event) => void submit(event)} aria-labelledby="agenda-form-heading" noValidate>
      <h3 id="agenda-form-heading">{ts('addItem')}</h3>
      <ProblemBanner problem={placed.top} focus />
      <div className="inline-fields">
        <SelectField label={ts('draft')} value={decisionId} error={placed.at('decisionId')} onChange={(e) => { setChoice(e.target.value); }}>
          {drafts.map((d) => (
            <option key={d.id} value={d.id}>
              {labels.pick(d.title)} ({d.id})
            </option>
          ))}
        </SelectField>
        <SubmitButton pending={action.pending}>{ts('add')}</SubmitButton>
      </div>
    </form>
  );
}

/** Observers and partners attending as their status allows: recorded apart, never a position. */
function Associates({ session }: { readonly session: SessionView }): ReactNode {
  const ts = useSessionsTranslation();
  const { t } = useTranslation();
  const labels = useLabels();
  const attending = Object.keys(session.associates).sort();
  if (attending.length === 0) return null;
  return (
    <>
      <h3>{ts('associates')}</h3>
      <DataTable caption={ts('associates')} columns={[t('common.state'), ts('attendance')]}>
        {attending.map((state) => (
          <tr key={state} data-testid={`associate-${state}`}>
            <td>{labels.state(state)}</td>
            <td>{session.associates[state] ? ts('present') : ts('absent')}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

function AttendanceRow({ session, state, editable, onDone }: { readonly session: SessionView; readonly state: string; readonly editable: boolean; readonly onDone: () => void }): ReactNode {
  const ts = useSessionsTranslation();
  const labels = useLabels();
  const action = useAction<{ state: string; present: boolean }, SessionView>(`/api/sessions/${encodeURIComponent(session.id)}/attendance`);
  const present = session.attendance[state];
  const mark = (value: boolean): void => {
    void action.run({ state, present: value }).then((result) => {
      if (result.ok) onDone();
    });
  };
  return (
    <tr data-testid={`attendance-${state}`}>
      <th scope="row">
        {labels.state(state)} <span className="code">{state}</span>
      </th>
      <td>{present === undefined ? ts('notMarked') : present ? ts('present') : ts('absent')}</td>
      {editable && (
        <td>
          <div className="toggle-group">
            <button type="button" aria-pressed={present === true} disabled={action.pending} aria-label={ts('markPresent', { state: labels.state(state) })} onClick={() => { mark(true); }}>
              {ts('present')}
            </button>
            <button type="button" aria-pressed={present === false} disabled={action.pending} aria-label={ts('markAbsent', { state: labels.state(state) })} onClick={() => { mark(false); }}>
              {ts('absent')}
            </button>
          </div>
          <ProblemBanner problem={action.problem} focus />
        </td>
      )}
    </tr>
  );
}

/**
 * Limited format: a member absent from the session sends a note that it does not object, and the
 * item is adopted without binding it. The note must be registered first; only that member's
 * no-objection notices are offered.
 */
function NoObjectionForm({ session, items, onDone }: { readonly session: SessionView; readonly items: readonly DecisionSummary[]; readonly onDone: () => void }): ReactNode {
  const ts = useSessionsTranslation();
  const labels = useLabels();
  const action = useAction<{ decisionId: string; state: string; noteId: string }, SessionView>(`/api/sessions/${encodeURIComponent(session.id)}/no-objections`);
  const absent = Object.keys(session.attendance).filter((s) => !session.attendance[s]).sort();
  const [choice, setChoice] = useState({ decisionId: '', state: '' });
  const [attached, setAttached] = useState<string | null>(null);
  const decisionId = items.some((d) => d.id === choice.decisionId) ? choice.decisionId : (items[0]?.id ?? '');
  const state = absent.includes(choice.state) ? choice.state : (absent[0] ?? '');
  const note = useCarryingNote(true, state, 'no-objection-notice');
  const { notes: offered, noteId } = note;
  const placed = placeProblem(action.problem, ['decisionId', 'state', 'noteId', 'note']);
  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setAttached(null);
    const result = await action.run({ decisionId, state, noteId });
    if (!result.ok) return;
    const reference = offered.find((n) => n.id === noteId)?.reference ?? noteId;
    const title = items.find((d) => d.id === decisionId)?.title;
    setAttached(ts('noObjectionAttached', { state: labels.state(state), note: reference, decision: title ? labels.pick(title) : decisionId }));
    onDone();
  };
  return (
    <form className="subform" onSubmit={(event) => void submit(event)} aria-labelledby="no-objection-heading" noValidate>
      <h3 id="no-objection-heading">{ts('noObjectionTitle')}</h3>
      <p className="hint">{ts('noObjectionHint')}</p>
      <ProblemBanner problem={placed.top} focus />
      <Saved show={attached !== null}>{attached}</Saved>
      {items.length === 0 || absent.length === 0 ? (
        <p className="hint">{items.length === 0 ? ts('noOpenItems') : ts('noAbsentMembers')}</p>
      ) : (
        <div className="inline-fields">
          <SelectField label={ts('item')} value={decisionId} error={placed.at('decisionId')} onChange={(e) => { setChoice({ ...choice, decisionId: e.target.value }); }}>
            {items.map((d) => (
              <option key={d.id} value={d.id}>
                {labels.pick(d.title)} ({d.id})
              </option>
            ))}
          </SelectField>
          <StateField label={ts('absentMember')} states={absent} value={state} error={placed.at('state')} onPick={(picked) => { setChoice({ ...choice, state: picked }); }} />
          <SelectField label={ts('noObjectionNote')} value={noteId} error={placed.at('noteId') ?? placed.at('note')} onChange={(e) => { note.choose(e.target.value); }}>
            {offered.length === 0 && <option value="">{ts('noNoteRegistered')}</option>}
            {offered.map((n) => (
              <option key={n.id} value={n.id}>
                {n.reference} · {n.authority} · {n.dated}
              </option>
            ))}
          </SelectField>
          <SubmitButton pending={action.pending} disabled={noteId === ''}>
            {ts('attachNoObjection')}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}

function CloseSession({ session, onDone }: { readonly session: SessionView; readonly onDone: () => void }): ReactNode {
  const ts = useSessionsTranslation();
  const action = useAction<Record<string, never>, SessionView>(`/api/sessions/${encodeURIComponent(session.id)}/close`);
  const [confirming, setConfirming] = useState(false);
  const send = async (): Promise<void> => {
    setConfirming(false);
    const result = await action.run({});
    if (result.ok) onDone();
  };
  return (
    <section className="card" aria-labelledby="close-session-heading">
      <h2 id="close-session-heading">{ts('closeTitle')}</h2>
      <ProblemBanner problem={action.problem} focus />
      <button type="button" className="danger" disabled={action.pending} onClick={() => { setConfirming(true); }}>
        {ts('close')}
      </button>
      <ConfirmDialog open={confirming} title={ts('closeTitle')} confirmLabel={ts('close')} onCancel={() => { setConfirming(false); }} onConfirm={() => void send()}>
        <p>{ts('confirmClose')}</p>
      </ConfirmDialog>
    </section>
  );
}

export function SessionPage(): ReactNode {
  const { t } = useTranslation();
  const ts = useSessionsTranslation();
  const labels = useLabels();
  const bodyName = useBodyName();
  const framework = useFramework();
  const { can } = useSignIn();
  const id = useParams().id ?? '';
  const loaded = useApi<SessionView>(`/api/sessions/${encodeURIComponent(id)}`);
  const decisions = useApi<{ decisions: DecisionSummary[] }>('/api/decisions');
  useLiveRefresh([sessionStream(id)], loaded.reload);
  useLiveRefresh([`${DECISION_STREAMS}*`], decisions.reload);
  const session = loaded.data;
  const all = decisions.data?.decisions ?? [];
  const reload = (): void => {
    loaded.reload();
    decisions.reload();
  };
  const editable = can('session:manage') && session?.status === 'open';
  // Attendance is asked of the members on the session's day, not of every party the pack names.
  const registry = useApi<Registry>(session ? `/api/registry${query({ asOf: session.date })}` : null);
  const seated = registry.data ? registry.data.parties.filter((p) => p.role === 'member' && (p.status === 'member' || p.status === 'withdrawal-pending')).map((p) => p.party) : (framework?.members ?? []);
  const members = session ? [...new Set([...seated, ...Object.keys(session.attendance)])].sort() : [];

  return (
    <Page title={session ? `${bodyName(session.body)} — ${session.date}` : ts('title')} problem={loaded.problem}>
      <p>
        <Link to="/sessions">← {ts('back')}</Link>
      </p>
      <Loading when={loaded.loading && session === undefined} />
      {session && (
        <>
          <section className="card" aria-labelledby="session-facts">
            <h2 id="session-facts" className="visually-hidden">
              {session.id}
            </h2>
            <dl className="facts facts-wide">
              <dt>{ts('body')}</dt>
              <dd>{bodyName(session.body)}</dd>
              <dt>{ts('date')}</dt>
              <dd>
                <DateText value={session.date} />
              </dd>
              <dt>{ts('place')}</dt>
              <dd>{session.place}</dd>
              <dt>{ts('chair')}</dt>
              <dd data-testid="session-chair">{session.chair === null ? t('common.dash') : `${labels.state(session.chair)} (${session.chair})`}</dd>
              <dt>{ts('status')}</dt>
              <dd>{session.status === 'open' ? ts('open') : ts('closed')}</dd>
            </dl>
          </section>
          <div className="two-columns">
            <section className="card" aria-labelledby="agenda-heading">
              <h2 id="agenda-heading">{ts('agenda')}</h2>
              {session.agenda.length === 0 ? (
                <p>{ts('emptyAgenda')}</p>
              ) : (
                <ol className="agenda">
                  {session.agenda.map((decisionId) => {
                    const d = all.find((x) => x.id === decisionId);
                    return (
                      <li key={decisionId}>
                        <Link to={`/decisions/${decisionId}`}>{d ? labels.pick(d.title) : decisionId}</Link>
                        {d && <span className="meta"> · {labels.decisionStatus(d.status)}</span>}
                      </li>
                    );
                  })}
                </ol>
              )}
              {editable && <AgendaForm session={session} drafts={all.filter((d) => d.status === 'draft' && d.body === session.body)} onDone={reload} />}
              {editable && <NoObjectionForm session={session} items={all.filter((d) => session.agenda.includes(d.id) && d.status === 'tabled')} onDone={reload} />}
            </section>
            <section className="card" aria-labelledby="attendance-heading">
              <h2 id="attendance-heading">{ts('attendance')}</h2>
              <DataTable caption={ts('attendance')} columns={[t('common.state'), ts('attendance'), editable && ts('mark')]}>
                {members.map((state) => (
                  <AttendanceRow key={state} session={session} state={state} editable={editable} onDone={reload} />
                ))}
              </DataTable>
              <Associates session={session} />
            </section>
          </div>
          {editable && <CloseSession session={session} onDone={reload} />}
        </>
      )}
    </Page>
  );
}
