/**
 * One case from the request to the registry: who asks for what, on which note; each criterion the
 * framework sets, with the articles behind it and the secretariat's finding; the competent body's
 * decision as it progresses; and what the decision changed, or why nothing did.
 */
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useBodyName, useStateName } from '../../api/framework';
import { useApi } from '../../api/hooks';
import { useLiveRefresh } from '../../api/live';
import type { OfficialNote } from '../../api/types';
import { OutcomeBadge } from '../../components/decision-bits';
import { Cites, DateText, InstantText, Recorded } from '../../components/format';
import { Loading, Page } from '../../components/page';
import { useLabels } from '../../i18n/labels';
import { useSignIn } from '../../sign-in/sign-in';
import { AssessForm } from './assess-form';
import { CaseStatusBadge, FindingBadge, StateNamed, useAsked } from './bits';
import { EndCase } from './end-case';
import { useApplicationsTranslation } from './strings';
import type { ApplicationView } from './types';
import { NOTE_STREAMS } from '../../../../src/core/correspondence/streams';
import { applicationStream } from '../../../../src/core/applications/streams';
import { decisionStream } from '../../../../src/core/decision/streams';

function noteText(note: OfficialNote, kind: (k: string) => string): string {
  return `${note.dated} · ${note.reference} · ${kind(note.kind)}`;
}

function CaseFacts({ view, note }: { readonly view: ApplicationView; readonly note: OfficialNote | undefined }): ReactNode {
  const ts = useApplicationsTranslation();
  const labels = useLabels();
  const bodyName = useBodyName();
  const asked = useAsked();
  return (
    <section className="card" aria-labelledby="case-heading">
      <h2 id="case-heading" className="visually-hidden">
        {ts('page.id')} {view.id}
      </h2>
      <dl className="facts facts-wide">
        <dt>{ts('page.id')}</dt>
        <dd className="code">{view.id}</dd>
        <dt>{ts('applicant')}</dt>
        <dd>
          <StateNamed code={view.applicant} />
        </dd>
        <dt>{ts('asked')}</dt>
        <dd>{asked(view)}</dd>
        <dt>{ts('status')}</dt>
        <dd data-testid="application-status">
          <CaseStatusBadge status={view.status} />
        </dd>
        <dt>{ts('page.note')}</dt>
        <dd data-testid="application-note">{view.noteId === null ? ts('page.noNote') : note ? noteText(note, labels.noteKind) : <span className="code">{view.noteId}</span>}</dd>
        <dt>{ts('submittedOn')}</dt>
        <dd>
          <DateText value={view.submittedOn} />
        </dd>
        <dt>{ts('page.body')}</dt>
        <dd>{bodyName(view.body)}</dd>
        <dt>{ts('page.question')}</dt>
        <dd>{labels.question(view.question)}</dd>
        <dt>{ts('page.cites')}</dt>
        <dd>
          <Cites cites={view.cites} />
        </dd>
        {view.concludedOn !== null && (
          <>
            <dt>{ts('concludedOn')}</dt>
            <dd>
              <DateText value={view.concludedOn} />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Criteria({ view, notes, assessable, onChange }: { readonly view: ApplicationView; readonly notes: readonly OfficialNote[]; readonly assessable: boolean; readonly onChange: () => void }): ReactNode {
  const ts = useApplicationsTranslation();
  const labels = useLabels();
  const noteById = new Map(notes.map((n) => [n.id, n]));
  return (
    <section className="card" aria-labelledby="criteria-heading">
      <h2 id="criteria-heading">{ts('page.criteria')}</h2>
      <p className="hint">{ts('page.criteriaIntro')}</p>
      {view.criteria.length === 0 && <p>{ts('page.noCriteria')}</p>}
      <ol className="criteria">
        {view.criteria.map((c) => {
          const evidence = c.evidence === undefined ? undefined : noteById.get(c.evidence);
          return (
            <li key={c.id} className="criterion" data-testid={`criterion-${c.id}`}>
              <div className="criterion-head">
                <FindingBadge finding={c.assessment} />
                <span className="criterion-text">{labels.pick(c.text)}</span>
                <Cites cites={c.cites} />
              </div>
              {c.evidence !== undefined && (
                <p className="meta">
                  {ts('page.evidence')}: {evidence ? noteText(evidence, labels.noteKind) : <span className="code">{c.evidence}</span>}
                  {c.by !== undefined && <> · {ts('page.by', { by: c.by.replace(/^user:/, '') })}</>}
                </p>
              )}
              {assessable && <AssessForm view={view} criterion={c} notes={notes} onDone={onChange} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function DecisionProgress({ view }: { readonly view: ApplicationView }): ReactNode {
  const ts = useApplicationsTranslation();
  const labels = useLabels();
  return (
    <section className="card" aria-labelledby="case-decision-heading" data-testid="application-decision">
      <h2 id="case-decision-heading">{ts('page.decision')}</h2>
      <p>
        <Link to={`/decisions/${encodeURIComponent(view.decisionId)}`}>{ts('page.openDecision', { id: view.decisionId })}</Link>
      </p>
      {view.decision === null ? (
        <p>{ts('page.decisionDrafting')}</p>
      ) : (
        <dl className="facts">
          <dt>{ts('page.decisionStatus')}</dt>
          <dd>{labels.decisionStatus(view.decision.status)}</dd>
          <dt>{ts('page.procedure')}</dt>
          <dd>{labels.procedure(view.decision.procedure)}</dd>
          <dt>{ts('page.deadline')}</dt>
          <dd>
            <InstantText value={view.decision.deadline} />
          </dd>
          <dt>{ts('page.outcome')}</dt>
          <dd>
            <OutcomeBadge outcome={view.decision.outcome} />
          </dd>
        </dl>
      )}
    </section>
  );
}

function Effect({ view }: { readonly view: ApplicationView }): ReactNode {
  const ts = useApplicationsTranslation();
  const effect = view.effect;
  return (
    <section className="card" aria-labelledby="effect-heading" data-testid="application-effect">
      <h2 id="effect-heading">{ts('page.effect')}</h2>
      {effect === null ? (
        <p>{ts('page.notYet')}</p>
      ) : effect.applied ? (
        <p>
          {ts('page.applied')} <Recorded>{effect.act}</Recorded>
        </p>
      ) : (
        <p>
          {ts('page.notApplied')} <Recorded>{effect.reason}</Recorded>
        </p>
      )}
    </section>
  );
}

export function ApplicationPage(): ReactNode {
  const ts = useApplicationsTranslation();
  const { can } = useSignIn();
  const stateName = useStateName();
  const asked = useAsked();
  const id = useParams().id ?? '';
  const loaded = useApi<ApplicationView>(`/api/applications/${encodeURIComponent(id)}`);
  const view = loaded.data;
  // The decision's stream moves the progress; the case's own stream the findings and the end.
  useLiveRefresh([applicationStream(id), ...(view?.decisionId ? [decisionStream(view.decisionId)] : [])], loaded.reload);
  const readsNotes = view !== undefined && can('correspondence:read', view.applicant);
  const note = useApi<OfficialNote>(readsNotes && view.noteId !== null ? `/api/correspondence/${encodeURIComponent(view.noteId)}` : null);
  const register = useApi<{ notes: OfficialNote[] }>(can('correspondence:read') ? '/api/correspondence' : null);
  useLiveRefresh([`${NOTE_STREAMS}*`], register.reload);
  const open = view?.status === 'open';

  return (
    <Page title={view ? `${stateName(view.applicant)} — ${asked(view)}` : ts('title')} problem={loaded.problem}>
      <p>
        <Link to="/applications">← {ts('page.back')}</Link>
      </p>
      <Loading when={loaded.loading && view === undefined} />
      {view && (
        <>
          <CaseFacts view={view} note={note.data} />
          <Criteria view={view} notes={register.data?.notes ?? []} assessable={open && can('application:assess')} onChange={loaded.reload} />
          <DecisionProgress view={view} />
          <Effect view={view} />
          {open && <EndCase view={view} onDone={loaded.reload} />}
        </>
      )}
    </Page>
  );
}
