import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBodyName } from '../api/framework';
import type { DecisionSummary, NotificationView } from '../api/types';
import { useLabels } from '../i18n/labels';
import { DateText, InstantText } from './format';
import { DataTable } from './data-table';

export function OutcomeBadge({ outcome }: { readonly outcome: string | null }): ReactNode {
  const labels = useLabels();
  const { t } = useTranslation();
  if (outcome === null) return <span>{t('common.dash')}</span>;
  return <span className={`badge badge-outcome-${outcome}`}>{labels.outcome(outcome)}</span>;
}

/** Decisions in a table: open procedures on the dashboard, every decision on its own page. */
export function DecisionTable({ decisions, caption, withOutcome = true }: { readonly decisions: readonly DecisionSummary[]; readonly caption: string; readonly withOutcome?: boolean }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const bodyName = useBodyName();
  return (
    <DataTable caption={caption} columns={[t('decisions.decisionTitle'), t('decisions.body'), t('decisions.status'), t('decisions.procedure'), t('decisions.deadline'), withOutcome && t('decisions.outcome')]}>
      {decisions.map((d) => (
        <tr key={d.id}>
          <th scope="row">
            <Link to={`/decisions/${d.id}`}>{labels.pick(d.title)}</Link>
            <span className="code block">
              {d.id} · <DateText value={d.draftedOn} />
            </span>
          </th>
          <td>{bodyName(d.body)}</td>
          <td>{labels.decisionStatus(d.status)}</td>
          <td>{labels.procedure(d.procedure)}</td>
          <td>
            <InstantText value={d.deadline} />
          </td>
          {withOutcome && (
            <td>
              <OutcomeBadge outcome={d.outcome} />
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}

export function NotificationTable({ notifications, caption }: { readonly notifications: readonly NotificationView[]; readonly caption: string }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <DataTable caption={caption} columns={[t('decisions.decisionTitle'), t('common.state'), t('dashboard.notified'), t('decisions.delivered')]}>
      {notifications.map((n) => (
        <tr key={`${n.decisionId}:${n.state}`}>
          <th scope="row">
            <Link to={`/decisions/${n.decisionId}`}>{labels.pick(n.decisionTitle)}</Link>
          </th>
          <td>{labels.state(n.state)}</td>
          <td>
            <InstantText value={n.createdAt} />
          </td>
          <td>
            <InstantText value={n.deliveredAt} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
