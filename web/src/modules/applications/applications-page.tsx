/**
 * Every case on a state's standing, newest first, of one status if asked (the choice stays in the
 * address, so a list can be bookmarked); and for the secretariat the forms that open a case.
 */
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { query } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useLiveRefresh } from '../../api/live';
import { DataTable } from '../../components/data-table';
import { OutcomeBadge } from '../../components/decision-bits';
import { DateText } from '../../components/format';
import { SelectField } from '../../components/forms';
import { Loading, Page } from '../../components/page';
import { useSignIn } from '../../sign-in/sign-in';
import { CaseStatusBadge, StateNamed, useAsked } from './bits';
import { ProposeForm, SubmitForm } from './case-forms';
import { useApplicationsTranslation } from './strings';
import { STATUSES, type ApplicationView, type CaseStatus } from './types';
import { DECISION_STREAMS } from '../../../../src/core/decision/streams';
import { APPLICATION_STREAMS } from '../../../../src/core/applications/streams';

function statusOf(value: string | null): CaseStatus | undefined {
  return STATUSES.find((s) => s === value);
}

function CaseTable({ cases }: { readonly cases: readonly ApplicationView[] }): ReactNode {
  const ts = useApplicationsTranslation();
  const asked = useAsked();
  return (
    <DataTable caption={ts('list')} columns={[ts('applicant'), ts('asked'), ts('status'), ts('decision'), ts('submittedOn')]}>
      {cases.map((c) => (
        <tr key={c.id} data-testid={`application-${c.id}`}>
          <th scope="row">
            <Link to={`/applications/${encodeURIComponent(c.id)}`}>
              <StateNamed code={c.applicant} />
            </Link>
          </th>
          <td>{asked(c)}</td>
          <td>
            <CaseStatusBadge status={c.status} />
          </td>
          <td>
            <OutcomeBadge outcome={c.decision?.outcome ?? null} />
          </td>
          <td>
            <DateText value={c.submittedOn} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function ApplicationsPage(): ReactNode {
  const ts = useApplicationsTranslation();
  const { can } = useSignIn();
  const [params, setParams] = useSearchParams();
  const status = statusOf(params.get('status'));
  const list = useApi<{ applications: ApplicationView[] }>(`/api/applications${query({ status })}`);
  useLiveRefresh([`${APPLICATION_STREAMS}*`, `${DECISION_STREAMS}*`], list.reload);
  const cases = list.data?.applications;

  return (
    <Page title={ts('title')} problem={list.problem}>
      <p className="intro">{ts('intro')}</p>
      <section className="card" aria-labelledby="applications-heading">
        <h2 id="applications-heading">{ts('list')}</h2>
        <div className="applications-filter">
          <SelectField
            label={ts('filter')}
            value={status ?? ''}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              if (e.target.value === '') next.delete('status');
              else next.set('status', e.target.value);
              setParams(next);
            }}
          >
            <option value="">{ts('all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {ts(`statuses.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <Loading when={list.loading && cases === undefined} />
        {cases?.length === 0 && <p>{status === undefined ? ts('none') : ts('noneWithStatus')}</p>}
        {cases !== undefined && cases.length > 0 && <CaseTable cases={cases} />}
      </section>
      {can('application:submit') && <SubmitForm />}
      {can('application:propose') && <ProposeForm />}
    </Page>
  );
}
