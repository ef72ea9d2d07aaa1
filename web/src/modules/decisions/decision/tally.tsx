/**
 * The live picture of a procedure: each entitled state's position as it arrives, the count the
 * engine makes of them, and, once closed, the outcome with the reasoning and the articles cited.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ruling, DecisionView, RecordedPosition } from '../../../api/types';
import { OutcomeBadge } from '../../../components/decision-bits';
import { Cites, InstantText, Recorded } from '../../../components/format';
import { useLabels } from '../../../i18n/labels';
import { DataTable } from '../../../components/data-table';

/** Every state that has, or owes, a position. */
export function statesOf(view: DecisionView): string[] {
  const decided = view.result ?? view.provisional;
  const named = decided ? [...decided.bound, ...decided.notBound, ...decided.blockedBy] : [];
  return [...new Set([...Object.keys(view.positions), ...view.awaiting, ...named])].sort();
}

function DocumentText({ position }: { readonly position: RecordedPosition }): ReactNode {
  const { t } = useTranslation();
  const document = position.document;
  if (document === undefined) return <span>{t('common.dash')}</span>;
  return document.kind === 'note' ? <span className="code">{t('decisions.note', { id: document.noteId })}</span> : <span>{t('decisions.delegateEntry', { by: document.by })}</span>;
}

/** What a state with no recorded position did at the session the item was tabled at. */
function PresenceChip({ present }: { readonly present: boolean | undefined }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  if (present === undefined) return <span className="chip chip-none">{labels.position(undefined)}</span>;
  return present ? <span className="chip chip-no-objection">{t('decisions.presentNoObjection')}</span> : <span className="chip chip-absent">{t('decisions.absentFromSession')}</span>;
}

export function PositionsTable({ view, attendance }: { readonly view: DecisionView; readonly attendance?: Readonly<Record<string, boolean>> | undefined }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const states = statesOf(view);
  if (states.length === 0) return null;
  return (
    <DataTable caption={t('decisions.positions')} className="positions" columns={[t('common.state'), t('decisions.position'), t('decisions.receivedAt'), t('decisions.carriedBy')]}>
      {states.map((state) => {
        const position = view.positions[state];
        return (
          <tr key={state} data-testid={`position-${state}`}>
            <th scope="row">
              {labels.state(state)} <span className="code">{state}</span>
            </th>
            <td>
              {position || attendance === undefined ? (
                <span className={`chip chip-${position?.position ?? 'none'}`}>{labels.position(position?.position)}</span>
              ) : (
                <PresenceChip present={attendance[state]} />
              )}
            </td>
            <td>{position ? <InstantText value={position.at} /> : t('common.dash')}</td>
            <td>{position ? <DocumentText position={position} /> : t('common.dash')}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}

function numbersOf(tally: Ruling['tally']): [string, string][] {
  return Object.entries(tally)
    .filter(([, value]) => typeof value === 'number' || typeof value === 'string')
    .map(([key, value]) => [key, String(value)]);
}

/** The counts, with a strip of one square per state coloured by its position. */
export function TallyBox({ view }: { readonly view: DecisionView }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const decision = view.result ?? view.provisional;
  const states = statesOf(view);
  const received = Object.keys(view.positions).length;
  return (
    <div className="tally" data-testid="tally">
      <p className="tally-summary" aria-live="polite">
        {view.result === null ? t('decisions.provisional') : t('decisions.final')}{' '}
        {decision && (
          <>
            <OutcomeBadge outcome={decision.outcome} /> ·{' '}
          </>
        )}
        {t('decisions.received', { received, total: states.length })}
      </p>
      {states.length > 0 && (
        <ol className="tally-strip" aria-hidden="true">
          {states.map((state) => (
            <li key={state} className={`chip chip-${view.positions[state]?.position ?? 'none'}`} title={`${labels.state(state)}: ${labels.position(view.positions[state]?.position)}`}>
              {state}
            </li>
          ))}
        </ol>
      )}
      {decision && (
        <dl className="tally-counts">
          {numbersOf(decision.tally).map(([key, value]) => (
            <div key={key} data-testid={`tally-${key}`}>
              <dt>{labels.tallyKey(key)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

function StateList({ states }: { readonly states: readonly string[] }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  return <>{states.length === 0 ? t('common.dash') : states.map((s) => labels.state(s)).join(', ')}</>;
}

/** The outcome, its reason and the trace of rules that gave it, each with its articles. */
export function OutcomeBox({ decision, acceded, testId = 'outcome' }: { readonly decision: Ruling; readonly acceded: readonly string[]; readonly testId?: string }): ReactNode {
  const { t, i18n } = useTranslation();
  return (
    <div className="outcome" data-testid={testId}>
      <p className="outcome-line">
        <OutcomeBadge outcome={decision.outcome} /> — {t('decisions.reason')}: <code lang="en">{decision.reason}</code>
      </p>
      <dl className="facts">
        <dt>{t('decisions.bound')}</dt>
        <dd>
          <StateList states={decision.bound} />
        </dd>
        <dt>{t('decisions.notBound')}</dt>
        <dd>
          <StateList states={decision.notBound} />
        </dd>
        {decision.blockedBy.length > 0 && (
          <>
            <dt>{t('decisions.blockedBy')}</dt>
            <dd>
              <StateList states={decision.blockedBy} />
            </dd>
          </>
        )}
        {acceded.length > 0 && (
          <>
            <dt>{t('decisions.acceded')}</dt>
            <dd>
              <StateList states={acceded} />
            </dd>
          </>
        )}
      </dl>
      <DataTable caption={t('decisions.trace')} className="trace" columns={[t('decisions.rule'), t('decisions.finding'), t('common.cites')]}>
        {decision.trace.map((entry, i) => (
          <tr key={`${entry.rule}-${i}`}>
            <td>
              <code>{entry.rule}</code>
            </td>
            <td>{i18n.language === 'ru' && entry.findingRu !== undefined ? <span lang="ru">{entry.findingRu}</span> : <Recorded>{entry.finding}</Recorded>}</td>
            <td>
              <Cites cites={entry.cites} />
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
