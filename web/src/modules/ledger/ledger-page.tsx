/**
 * The ledger as the secretariat audits it: every entry with its place in its stream, who recorded
 * it and when, and the hashes that chain it to the one before; and the check of that chain.
 */
import { useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { query } from '../../api/client';
import { useAction, useApi } from '../../api/hooks';
import { useLiveRefresh } from '../../api/live';
import type { LedgerPage as LedgerAnswer, Verification } from '../../api/types';
import { InstantText } from '../../components/format';
import { ProblemBanner } from '../../components/forms';
import { Loading, Page } from '../../components/page';
import { DataTable } from '../../components/data-table';
import { useSignIn } from '../../sign-in/sign-in';
import { useLedgerTranslation } from './strings';

const LIMIT = 50;

function ShortHash({ hash }: { readonly hash: string }): ReactNode {
  return (
    <abbr className="hash" title={hash}>
      {hash.slice(0, 12)}…
    </abbr>
  );
}

function VerifyChain(): ReactNode {
  const ts = useLedgerTranslation();
  const action = useAction<Record<string, never>, Verification>('/api/ledger/verification');
  const [result, setResult] = useState<Verification | undefined>(undefined);
  return (
    <div className="verify">
      <button
        type="button"
        className="primary"
        disabled={action.pending}
        onClick={() => {
          setResult(undefined);
          void action.run({}).then((answer) => {
            if (answer.ok) setResult(answer.value);
          });
        }}
      >
        {action.pending ? ts('verifying') : ts('verify')}
      </button>
      <div role="status" className="verify-result" data-testid="verification">
        {result?.ok === true && (
          <p className="ok">
            {ts('verified', { checked: result.count })} {ts('headHash')}: <ShortHash hash={result.headHash} />
          </p>
        )}
        {result?.ok === false && <p className="problem">{ts('broken', { failedAt: result.seq, reason: result.reason })}</p>}
      </div>
      <ProblemBanner problem={action.problem} focus />
    </div>
  );
}

export function LedgerPage(): ReactNode {
  const ts = useLedgerTranslation();
  const { can } = useSignIn();
  const [params] = useSearchParams();
  const beforeParam = Number(params.get('before'));
  const before = Number.isInteger(beforeParam) && beforeParam > 0 ? beforeParam : undefined;
  const page = useApi<LedgerAnswer>(`/api/ledger${query({ before, limit: LIMIT })}`);
  useLiveRefresh(before === undefined ? 'any' : [], page.reload, 1000);
  const entries = page.data?.entries ?? [];
  const head = page.data?.head ?? 0;
  const newest = entries[0]?.seq;
  const oldest = entries.at(-1)?.seq;
  const newerBefore = newest === undefined ? undefined : newest + LIMIT + 1;

  return (
    <Page title={ts('title')} problem={page.problem} actions={can('ledger:verify') && <VerifyChain />}>
      <p className="intro">
        {ts('intro')} {page.data && ts('head', { head })}
      </p>
      <Loading when={page.loading && page.data === undefined} />
      {page.data && entries.length === 0 && <p>{ts('empty')}</p>}
      {entries.length > 0 && (
        <div className="card table-wrap">
          <DataTable caption={ts('title')} className="ledger" columns={[ts('seq'), ts('stream'), ts('type'), ts('actor'), ts('validAt'), ts('recordedAt'), ts('prevHash'), ts('hash')]}>
            {entries.map((e) => (
              <tr key={e.seq} data-testid={`entry-${e.seq}`}>
                <th scope="row" className="num">
                  {e.seq}
                </th>
                <td>
                  <code>{e.streamId}</code> <span className="meta">v{e.streamVersion}</span>
                </td>
                <td>
                  <code>{e.type}</code>
                  {e.reconstructed && <span className="meta"> · {ts('reconstructed')}</span>}
                </td>
                <td>{e.actor}</td>
                <td>
                  <InstantText value={e.validAt} />
                </td>
                <td>
                  <InstantText value={e.recordedAt} />
                </td>
                <td>
                  <ShortHash hash={e.prevHash} />
                </td>
                <td>
                  <ShortHash hash={e.hash} />
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
      <nav aria-label={ts('pagination')} className="pagination">
        {before !== undefined && <Link to="/ledger">{ts('newest')}</Link>}
        {before !== undefined && newerBefore !== undefined && (
          <Link to={newerBefore > head ? '/ledger' : `/ledger?before=${newerBefore}`}>{ts('newer')}</Link>
        )}
        {oldest !== undefined && oldest > 1 && <Link to={`/ledger?before=${oldest}`}>{ts('older')}</Link>}
      </nav>
    </Page>
  );
}
