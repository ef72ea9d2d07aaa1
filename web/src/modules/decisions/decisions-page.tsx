import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { useLiveRefresh } from '../../api/live';
import type { DecisionSummary } from '../../api/types';
import { DecisionTable } from '../../components/decision-bits';
import { Loading, Page } from '../../components/page';
import { useSignIn } from '../../sign-in/sign-in';
import { DraftForm } from './draft-form';
import { DECISION_STREAMS } from '../../../../src/core/decision/streams';

export function DecisionsPage(): ReactNode {
  const { t } = useTranslation();
  const { can } = useSignIn();
  const list = useApi<{ decisions: DecisionSummary[] }>('/api/decisions');
  useLiveRefresh([`${DECISION_STREAMS}*`], list.reload);
  const decisions = list.data?.decisions;
  return (
    <Page title={t('decisions.title')} problem={list.problem}>
      <section className="card" aria-labelledby="list-heading">
        <h2 id="list-heading">{t('decisions.list')}</h2>
        <Loading when={list.loading && decisions === undefined} />
        {decisions?.length === 0 && <p>{t('decisions.none')}</p>}
        {decisions !== undefined && decisions.length > 0 && <DecisionTable decisions={decisions} caption={t('decisions.list')} />}
      </section>
      {can('decision:draft') && <DraftForm />}
    </Page>
  );
}
