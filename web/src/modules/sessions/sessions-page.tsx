/**
 * Sessions of the bodies: the list, and convening a new one. The chair is the one the framework's
 * rotation gives; a temporary chair is named only when the state due to chair takes no part.
 */
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useBodyName, useFramework } from '../../api/framework';
import { useAction, useApi } from '../../api/hooks';
import { useLiveRefresh } from '../../api/live';
import type { SessionSummary, SessionView } from '../../api/types';
import { DateText, localToday } from '../../components/format';
import { placeProblem, ProblemBanner, SelectField, SubmitButton, TextField } from '../../components/forms';
import { Loading, Page } from '../../components/page';
import { useLabels } from '../../i18n/labels';
import { useSignIn } from '../../sign-in/sign-in';
import { DataTable } from '../../components/data-table';
import { useSessionsTranslation } from './strings';
import { SESSION_STREAMS } from '../../../../src/core/session/streams';

interface ConveneBody {
  readonly body: string;
  readonly date: string;
  readonly place: string;
  readonly temporaryChair?: string;
}

function ConveneForm(): ReactNode {
  const ts = useSessionsTranslation();
  const labels = useLabels();
  const framework = useFramework();
  const navigate = useNavigate();
  const action = useAction<ConveneBody, SessionView>('/api/sessions');
  const [bodyChoice, setBody] = useState('');
  const [date, setDate] = useState(localToday);
  const [place, setPlace] = useState('');
  const [temporaryChair, setTemporaryChair] = useState('');
  const placed = placeProblem(action.problem, ['body', 'date', 'place', 'temporaryChair']);
  const body = bodyChoice || (framework?.bodies[0]?.id ?? '');

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const result = await action.run(temporaryChair === '' ? { body, date, place } : { body, date, place, temporaryChair });
    if (result.ok) void navigate(`/sessions/${result.value.id}`);
  };

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="convene-heading" noValidate>
      <h2 id="convene-heading">{ts('conveneTitle')}</h2>
      <ProblemBanner problem={placed.top} focus />
      <div className="three-columns">
        <SelectField label={ts('body')} required value={body} error={placed.at('body')} onChange={(e) => { setBody(e.target.value); }}>
          {(framework?.bodies ?? []).map((b) => (
            <option key={b.id} value={b.id}>
              {labels.pick(b.name)}
            </option>
          ))}
        </SelectField>
        <TextField label={ts('date')} type="date" required value={date} error={placed.at('date')} onChange={(e) => { setDate(e.target.value); }} />
        <TextField label={ts('place')} required value={place} error={placed.at('place')} onChange={(e) => { setPlace(e.target.value); }} />
      </div>
      <SelectField label={ts('temporaryChair')} value={temporaryChair} error={placed.at('temporaryChair')} onChange={(e) => { setTemporaryChair(e.target.value); }}>
        <option value="">{ts('noTemporaryChair')}</option>
        {(framework?.members ?? []).map((m) => (
          <option key={m} value={m}>
            {labels.state(m)} ({m})
          </option>
        ))}
      </SelectField>
      <SubmitButton pending={action.pending}>{ts('convene')}</SubmitButton>
    </form>
  );
}

export function SessionsPage(): ReactNode {
  const { t } = useTranslation();
  const ts = useSessionsTranslation();
  const labels = useLabels();
  const bodyName = useBodyName();
  const { can } = useSignIn();
  const list = useApi<{ sessions: SessionSummary[] }>('/api/sessions');
  useLiveRefresh([`${SESSION_STREAMS}*`], list.reload);
  const sessions = list.data?.sessions;

  return (
    <Page title={ts('title')} problem={list.problem}>
      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{ts('list')}</h2>
        <Loading when={list.loading && sessions === undefined} />
        {sessions?.length === 0 && <p>{ts('none')}</p>}
        {sessions !== undefined && sessions.length > 0 && (
          <DataTable caption={ts('list')} columns={[ts('date'), ts('body'), ts('place'), ts('chair'), ts('status')]}>
            {sessions.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/sessions/${s.id}`}>
                    <DateText value={s.date} />
                  </Link>{' '}
                  <span className="code">{s.id}</span>
                </th>
                <td>{bodyName(s.body)}</td>
                <td>{s.place}</td>
                <td>{s.chair === null ? t('common.dash') : labels.state(s.chair)}</td>
                <td>{s.status === 'open' ? ts('open') : ts('closed')}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {can('session:manage') && <ConveneForm />}
    </Page>
  );
}
