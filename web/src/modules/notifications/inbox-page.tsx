/**
 * A delegate's inbox: the notifications their state has to acknowledge, and the procedures that
 * still wait for their state's position.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBodyName } from '../../api/framework';
import { get } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useLiveRefresh } from '../../api/live';
import type { DecisionSummary, DecisionView, NotificationView } from '../../api/types';
import { AcknowledgeButton } from '../../components/acknowledge-button';
import { InstantText } from '../../components/format';
import { Loading, Page } from '../../components/page';
import { PositionForm } from '../../components/position-form';
import { useLabels } from '../../i18n/labels';
import type { Principal } from '../../sign-in/principal';
import { useSignIn } from '../../sign-in/sign-in';
import { DECISION_STREAMS } from '../../../../src/core/decision/streams';
import { NOTIFICATION_STREAMS } from '../../../../src/modules/notifications/manifest';

/**
 * The inbox is a member's: what its delegate must acknowledge and answer. The secretariat, also
 * granted acknowledgement, follows every state's notifications on the decisions themselves.
 */
export function hasInbox(principal: Principal): boolean {
  return principal.role === 'delegate' && principal.state !== null;
}

/** The open procedures' full views: only these say which states still owe a position. */
function useOpenViews(open: readonly DecisionSummary[] | null): { views: DecisionView[] | undefined; reload: () => void } {
  const [loaded, setLoaded] = useState<{ ids: string; views: DecisionView[] } | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const ids = open === null ? null : open.map((d) => d.id).join(',');
  useEffect(() => {
    if (ids === null) return;
    const controller = new AbortController();
    const wanted = ids === '' ? [] : ids.split(',');
    Promise.all(wanted.map((id) => get<DecisionView>(`/api/decisions/${encodeURIComponent(id)}`, controller.signal))).then(
      (results) => {
        setLoaded({ ids, views: results.flatMap((r) => (r.ok ? [r.value] : [])) });
      },
      () => undefined,
    );
    return () => {
      controller.abort();
    };
  }, [ids, generation]);
  const reload = useCallback(() => {
    setGeneration((g) => g + 1);
  }, []);
  // Views fetched for another set of procedures are not an answer about this one.
  return { views: loaded?.ids === ids ? loaded.views : undefined, reload };
}

function AwaitingProcedure({ view, state, onRecorded }: { readonly view: DecisionView; readonly state: string; readonly onRecorded: () => void }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const bodyName = useBodyName();
  return (
    <li className="card inbox-item" data-testid={`awaiting-${view.id}`}>
      <h3>
        <Link to={`/decisions/${view.id}`}>{labels.pick(view.title)}</Link>
      </h3>
      <p className="meta">
        {bodyName(view.body)} · {labels.procedure(view.procedure)} · {t('decisions.deadline')}: <InstantText value={view.deadline} />
      </p>
      <PositionForm decisionId={view.id} title={view.title} states={[state]} needsNote={false} onRecorded={onRecorded} />
    </li>
  );
}

export function InboxPage(): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const { principal, can } = useSignIn();
  const state = principal?.state ?? '';
  const mine = principal !== null && hasInbox(principal) && can('notification:acknowledge', state);
  const notifications = useApi<{ notifications: NotificationView[] }>(mine ? '/api/notifications?pending=true' : null);
  const decisions = useApi<{ decisions: DecisionSummary[] }>(mine ? '/api/decisions' : null);
  const open = (decisions.data?.decisions ?? []).filter((d) => d.status === 'circulating' || d.status === 'tabled');
  const views = useOpenViews(decisions.data === undefined ? null : open);
  useLiveRefresh([`${NOTIFICATION_STREAMS}*`, `${DECISION_STREAMS}*`], () => {
    notifications.reload();
    decisions.reload();
    views.reload();
  });

  if (!mine) {
    return (
      <Page title={t('inbox.title')}>
        <p className="problem">{t('common.notPermitted')}</p>
      </Page>
    );
  }
  const pending = (notifications.data?.notifications ?? []).filter((n) => n.state === state && n.acknowledgedAt === null);
  const awaiting = (views.views ?? []).filter((v) => v.awaiting.includes(state));

  return (
    <Page title={t('inbox.title')} problem={notifications.problem ?? decisions.problem}>
      <p className="intro">{t('inbox.intro', { state: `${labels.state(state)} (${state})` })}</p>
      <section className="card" aria-labelledby="ack-heading">
        <h2 id="ack-heading">{t('inbox.notifications')}</h2>
        <Loading when={notifications.loading && notifications.data === undefined} />
        {notifications.data && pending.length === 0 && <p>{t('inbox.noNotifications')}</p>}
        {pending.length > 0 && (
          <ul className="plain-list">
            {pending.map((n) => (
              <li key={n.decisionId} className="inbox-row" data-testid={`notification-${n.decisionId}`}>
                <span>
                  <Link to={`/decisions/${n.decisionId}`}>{labels.pick(n.decisionTitle)}</Link>{' '}
                  <span className="meta">
                    · {t('dashboard.notified')}: <InstantText value={n.createdAt} />
                  </span>
                </span>
                <AcknowledgeButton decisionId={n.decisionId} state={n.state} title={n.decisionTitle} onDone={notifications.reload} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="awaiting-heading">
        <h2 id="awaiting-heading">{t('inbox.awaiting', { state: labels.state(state) })}</h2>
        <Loading when={views.views === undefined} />
        {views.views !== undefined && awaiting.length === 0 && <p>{t('inbox.noAwaiting')}</p>}
        {awaiting.length > 0 && (
          <ul className="plain-list">
            {awaiting.map((view) => (
              <AwaitingProcedure key={view.id} view={view} state={state} onRecorded={views.reload} />
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
