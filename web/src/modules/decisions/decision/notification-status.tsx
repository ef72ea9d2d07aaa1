import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionView } from '../../../api/types';
import { AcknowledgeButton } from '../../../components/acknowledge-button';
import { InstantText } from '../../../components/format';
import { useLabels } from '../../../i18n/labels';
import { useSignIn } from '../../../sign-in/sign-in';
import { DataTable } from '../../../components/data-table';

/** Per member: when it was notified, when delivery was confirmed, when and how it acknowledged. */
export function NotificationStatus({ view, onChange }: { readonly view: DecisionView; readonly onChange: () => void }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const { principal, can } = useSignIn();
  // The receipt is the state's own act: its delegate's, or its authority's by the mailed link. The
  // secretariat, though the server lets it, does not acknowledge for a member from this table.
  const acknowledges = (state: string): boolean => principal?.state === state && can('notification:acknowledge', state);
  const receivedBy = (via: string): string => (via === 'link' ? t('decisions.viaLink') : via === 'delegate' ? t('decisions.viaDelegate') : t('decisions.via', { via }));
  if (view.notifications.length === 0) return <p>{t('decisions.noNotifications')}</p>;
  return (
    <DataTable caption={t('decisions.notifications')} columns={[t('common.state'), t('decisions.created'), t('decisions.delivered'), t('decisions.acknowledged')]}>
      {view.notifications.map((n) => (
        <tr key={n.state} data-testid={`notification-${n.state}`}>
          <th scope="row">
            {labels.state(n.state)} <span className="code">{n.state}</span>
          </th>
          <td>
            <InstantText value={n.createdAt} />
          </td>
          <td>{n.deliveredAt === null ? t('decisions.notYet') : <InstantText value={n.deliveredAt} />}</td>
          <td>
            {n.acknowledgedAt !== null ? (
              <>
                <span className="badge badge-outcome-adopted" aria-hidden="true">
                  ✓
                </span> <InstantText value={n.acknowledgedAt} />
                {n.acknowledgedVia !== null && <> ({receivedBy(n.acknowledgedVia)})</>}
              </>
            ) : acknowledges(n.state) ? (
              <AcknowledgeButton decisionId={view.id} state={n.state} title={view.title} onDone={onChange} />
            ) : (
              t('decisions.notYet')
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
