import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PartyStanding } from '../api/types';
import { useLabels } from '../i18n/labels';
import { categoryOf } from '../map/standing';
import { Cites, DateText, Recorded } from './format';
import { DataTable } from './data-table';

/** The registry as a table: the map's data for every reader, and the registry page itself. */
export function StandingTable({ parties, caption, full = false }: { readonly parties: readonly PartyStanding[]; readonly caption: string; readonly full?: boolean }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <DataTable caption={caption} columns={[t('members.party'), full && t('members.role'), t('members.status'), t('members.since'), full && t('members.participation'), full && t('members.act'), full && t('common.cites')]}>
      {parties.map((p) => (
        <tr key={p.party} data-testid={`standing-${p.party}`}>
          <th scope="row">
            <Link to={`/members/${p.party}`}>{labels.state(p.party)}</Link> <span className="code">{p.party}</span>
          </th>
          {full && <td>{labels.partyRole(p.role)}</td>}
          <td>
            <span className={`badge badge-${categoryOf(p)}`}>{labels.status(p.status)}</span>
            {!full && p.participation?.participating === false && (
              <span className="block meta">
                {t('members.notParticipating')} <DateText value={p.participation.since} />
              </span>
            )}
          </td>
          <td>
            <DateText value={p.since} />
          </td>
          {full && (
          <td>
            {categoryOf(p) === 'former' ? (
              t('common.dash')
            ) : p.participation === undefined || p.participation.participating ? (
              t('members.participating')
            ) : (
              <span title={p.participation.basis}>
                {t('members.notParticipating')} <DateText value={p.participation.since} />
              </span>
            )}
          </td>
          )}
          {full && (
            <td>
              <Recorded>{p.act}</Recorded>
            </td>
          )}
          {full && (
            <td>
              <Cites cites={p.cites} />
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
