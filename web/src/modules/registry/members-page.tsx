import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { useLiveRefresh } from '../../api/live';
import type { Registry } from '../../api/types';
import { AsOfForm, useAsOf } from '../../components/as-of-form';
import { Loading, Page } from '../../components/page';
import { StandingTable } from '../../components/standing-table';
import { PARTY_STREAMS } from '../../../../src/core/membership/streams';

export function MembersPage(): ReactNode {
  const { t } = useTranslation();
  const dates = useAsOf();
  const registry = useApi<Registry>(`/api/registry${dates.search}`);
  useLiveRefresh([`${PARTY_STREAMS}*`], registry.reload);
  const data = registry.data;
  return (
    <Page title={t('members.title')} problem={registry.problem}>
      <AsOfForm key={dates.search} dates={dates} />
      <Loading when={registry.loading && data === undefined} />
      {data && (
        <section className="card" aria-labelledby="registry-heading">
          <h2 id="registry-heading">
            {t('members.registryOn', { asOf: data.asOf, knownAt: data.knownAt })}
          </h2>
          <StandingTable parties={data.parties} caption={t('members.registry')} full />
        </section>
      )}
    </Page>
  );
}
