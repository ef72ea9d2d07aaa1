/**
 * The secretariat's first page: who stands where, who chairs, what is open and what is still
 * unacknowledged, kept current by the live stream.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { useLiveRefresh } from '../../api/live';
import type { Overview } from '../../api/types';
import { DecisionTable, NotificationTable } from '../../components/decision-bits';
import { DateText } from '../../components/format';
import { Loading, Page } from '../../components/page';
import { StandingTable } from '../../components/standing-table';
import { useLabels } from '../../i18n/labels';
import { DECISION_STREAMS } from '../../../../src/core/decision/streams';
import { PARTY_STREAMS } from '../../../../src/core/membership/streams';
import { NOTIFICATION_STREAMS } from '../../../../src/modules/notifications/manifest';

// The map brings the projection code and the atlas; it loads after the rest of the page.
const MemberMap = lazy(() => import('../../map/member-map').then((m) => ({ default: m.MemberMap })));

export function DashboardPage(): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const overview = useApi<Overview>('/api/overview');
  // What the overview shows: standing, open procedures and their notifications (not every statement or account act).
  useLiveRefresh([`${PARTY_STREAMS}*`, `${DECISION_STREAMS}*`, `${NOTIFICATION_STREAMS}*`], overview.reload, 500);
  const data = overview.data;

  return (
    <Page
      title={t('dashboard.title')}
      problem={overview.problem}
      actions={
        data && (
          <p className="page-meta">
            {t('dashboard.today')}: <DateText value={data.today} />
          </p>
        )
      }
    >
      <Loading when={overview.loading && data === undefined} />
      {data && (
        <div className="dashboard">
          <section className="card map-card" aria-labelledby="map-heading">
            <h2 id="map-heading">{t('dashboard.map')}</h2>
            <Suspense fallback={<Loading when />}>
              <MemberMap parties={data.parties} />
            </Suspense>
          </section>
          <div className="dashboard-side">
            <section className="card" aria-labelledby="chair-heading">
              <h2 id="chair-heading">{t('dashboard.chair')}</h2>
              <p className="chair" data-testid="chair">
                {data.chair === null ? t('dashboard.noChair') : `${labels.state(data.chair)} (${data.chair})`}
              </p>
            </section>
            <section className="card" aria-labelledby="standing-heading">
              <h2 id="standing-heading" className="visually-hidden">
                {t('dashboard.tableCaption')}
              </h2>
              <StandingTable parties={data.parties} caption={t('dashboard.tableCaption')} />
            </section>
          </div>
          <section className="card" aria-labelledby="open-heading">
            <h2 id="open-heading">{t('dashboard.openProcedures')}</h2>
            {data.openProcedures.length === 0 ? (
              <p>{t('dashboard.noOpenProcedures')}</p>
            ) : (
              <DecisionTable decisions={data.openProcedures} caption={t('dashboard.openProcedures')} withOutcome={false} />
            )}
          </section>
          <section className="card" aria-labelledby="unack-heading">
            <h2 id="unack-heading">{t('dashboard.unacknowledged')}</h2>
            {data.unacknowledged.length === 0 ? (
              <p>{t('dashboard.noUnacknowledged')}</p>
            ) : (
              <NotificationTable notifications={data.unacknowledged} caption={t('dashboard.unacknowledged')} />
            )}
          </section>
        </div>
      )}
    </Page>
  );
}
