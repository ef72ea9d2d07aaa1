/**
 * One decision from draft to acknowledgement. Positions arrive live: every entry on this
 * decision's stream, or on its notifications, fetches the view again, with the tally the engine
 * computes from what has been received.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useBodyName } from '../../../api/framework';
import { useApi } from '../../../api/hooks';
import { useLiveRefresh } from '../../../api/live';
import type { DecisionView, SessionView } from '../../../api/types';
import { DateText, InstantText } from '../../../components/format';
import { Loading, Page } from '../../../components/page';
import { useLabels } from '../../../i18n/labels';
import type { Principal } from '../../../sign-in/principal';
import { useSignIn } from '../../../sign-in/sign-in';
import { AccessionForm, CirculateForm, CloseButton, TableForm } from './decision-actions';
import { NotificationStatus } from './notification-status';
import { PositionForm } from '../../../components/position-form';
import { OutcomeBox, PositionsTable, TallyBox } from './tally';
import { decisionStream } from '../../../../../src/core/decision/streams';
import { NOTIFICATION_STREAMS } from '../../../../../src/modules/notifications/manifest';
import { sessionStream } from '../../../../../src/core/session/streams';

/** The secretariat enters a state's act from the registered note that carries it; a delegate's own entry is its document. */
function entersFromNote(principal: Principal | null): boolean {
  return principal !== null && principal.role !== 'delegate';
}

function DecisionFacts({ view }: { readonly view: DecisionView }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const bodyName = useBodyName();
  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading" className="visually-hidden">
        {t('decisions.id')} {view.id}
      </h2>
      <dl className="facts facts-wide">
        <dt>{t('decisions.id')}</dt>
        <dd className="code">{view.id}</dd>
        <dt>{t('decisions.body')}</dt>
        <dd>{bodyName(view.body)}</dd>
        <dt>{t('decisions.question')}</dt>
        <dd>{labels.question(view.question)}</dd>
        <dt>{t('decisions.status')}</dt>
        <dd data-testid="decision-status">{labels.decisionStatus(view.status)}</dd>
        <dt>{t('decisions.procedure')}</dt>
        <dd>{labels.procedure(view.procedure)}</dd>
        <dt>{t('decisions.deadline')}</dt>
        <dd>
          <InstantText value={view.deadline} />
        </dd>
        <dt>{t('common.date')}</dt>
        <dd>
          <DateText value={view.date} />
        </dd>
        {view.sessionId && (
          <>
            <dt>{t('decisions.session')}</dt>
            <dd>
              <Link to={`/sessions/${view.sessionId}`}>{view.sessionId}</Link>
            </dd>
          </>
        )}
      </dl>
      <div className="two-columns texts">
        <div lang="en">
          <h3>{view.title.en}</h3>
          <p className="decision-text">{view.text.en}</p>
        </div>
        <div lang="ru">
          <h3>{view.title.ru}</h3>
          <p className="decision-text">{view.text.ru}</p>
        </div>
      </div>
    </section>
  );
}

/** The live count, and for an open procedure the forms to record a position and to close it. */
function TallySection({ view, connected, onChange }: { readonly view: DecisionView; readonly connected: boolean; readonly onChange: () => void }): ReactNode {
  const { t } = useTranslation();
  const { can, principal } = useSignIn();
  const open = view.status === 'circulating' || view.status === 'tabled';
  const recordable = view.awaiting.filter((s) => can('decision:position', s));
  // At a session, presence without objection is consent: the attendance completes the picture.
  const session = useApi<SessionView>(view.sessionId ? `/api/sessions/${encodeURIComponent(view.sessionId)}` : null);
  useLiveRefresh(view.sessionId ? [sessionStream(view.sessionId)] : [], session.reload);
  return (
    <section className="card" aria-labelledby="tally-heading">
      <div className="section-head">
        <h2 id="tally-heading">{t('decisions.tally')}</h2>
        <span className={connected ? 'live live-on' : 'live'}>{connected ? t('app.live') : t('app.offline')}</span>
      </div>
      <div className="tally-layout">
        <TallyBox view={view} />
        <PositionsTable view={view} attendance={session.data?.attendance} />
      </div>
      {view.result === null && view.provisional !== null && (
        <details className="reasoning">
          <summary>{t('decisions.provisionalReasoning')}</summary>
          <OutcomeBox decision={view.provisional} acceded={view.acceded} testId="provisional-outcome" />
        </details>
      )}
      {open && recordable.length > 0 && (
        <PositionForm decisionId={view.id} title={view.title} states={recordable} needsNote={entersFromNote(principal)} onRecorded={onChange} />
      )}
      {open && can('decision:close') && <CloseButton view={view} onDone={onChange} />}
    </section>
  );
}

export function DecisionPage(): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const { can, principal } = useSignIn();
  const id = useParams().id ?? '';
  const loaded = useApi<DecisionView>(`/api/decisions/${encodeURIComponent(id)}`);
  const connected = useLiveRefresh([decisionStream(id), `${NOTIFICATION_STREAMS}${id}:*`], loaded.reload);
  const view = loaded.data;
  const refresh = loaded.reload;
  const outsiders = view?.result ? view.result.notBound.filter((s) => !view.acceded.includes(s) && can('decision:accede', s)) : [];

  return (
    <Page title={view ? labels.pick(view.title) : t('decisions.title')} problem={loaded.problem}>
      <p>
        <Link to="/decisions">← {t('decisions.back')}</Link>
      </p>
      <Loading when={loaded.loading && view === undefined} />
      {view && (
        <>
          <DecisionFacts view={view} />
          {view.status === 'draft' && (can('decision:circulate') || can('session:manage')) && (
            <section className="card actions-card" aria-label={t('decisions.circulateTitle')}>
              {can('decision:circulate') && <CirculateForm view={view} onDone={refresh} />}
              {can('session:manage') && <TableForm view={view} onDone={refresh} />}
            </section>
          )}
          {view.status !== 'draft' && <TallySection view={view} connected={connected} onChange={refresh} />}
          {view.result && (
            <section className="card" aria-labelledby="outcome-heading">
              <h2 id="outcome-heading">{t('decisions.outcome')}</h2>
              <OutcomeBox decision={view.result} acceded={view.acceded} />
              {view.result.outcome === 'adopted' && outsiders.length > 0 && <AccessionForm view={view} states={outsiders} needsNote={entersFromNote(principal)} onDone={refresh} />}
            </section>
          )}
          {(view.status === 'closed' || view.notifications.length > 0) && (
            <section className="card" aria-labelledby="notifications-heading">
              <h2 id="notifications-heading">{t('decisions.notifications')}</h2>
              <NotificationStatus view={view} onChange={refresh} />
            </section>
          )}
        </>
      )}
    </Page>
  );
}
