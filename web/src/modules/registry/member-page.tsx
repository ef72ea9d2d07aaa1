/**
 * One state: its standing on the date asked, its history of standing with the acts behind each
 * change, its official notes, and, set apart, what was said about it in public.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/hooks';
import { useLiveRefresh } from '../../api/live';
import type { PartyRecord } from '../../api/types';
import { AsOfForm, useAsOf } from '../../components/as-of-form';
import { Cites, DateText, localToday, Recorded } from '../../components/format';
import { Loading, Page } from '../../components/page';
import { NoteTable, StatementList } from '../../components/records';
import { Timeline } from '../../components/timeline';
import { useLabels } from '../../i18n/labels';
import { categoryOf } from '../../map/standing';
import { NOTE_STREAMS, STATEMENT_STREAMS } from '../../../../src/core/correspondence/streams';
import { partyStream } from '../../../../src/core/membership/streams';

export function MemberPage(): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const state = (useParams().state ?? '').toUpperCase();
  const dates = useAsOf();
  const record = useApi<PartyRecord>(`/api/registry/${encodeURIComponent(state)}${dates.search}`);
  useLiveRefresh([partyStream(state), `${NOTE_STREAMS}*`, `${STATEMENT_STREAMS}*`], record.reload);
  const data = record.data;
  const standing = data?.standing ?? null;
  const today = localToday();
  const asOf = dates.asOf ?? today;

  return (
    <Page title={`${labels.state(state)} (${state})`} problem={record.problem}>
      <p>
        <Link to="/members">← {t('members.backToRegistry')}</Link>
      </p>
      <AsOfForm key={dates.search} dates={dates} />
      <Loading when={record.loading && data === undefined} />
      {data && (
        <>
          <section className="card" aria-labelledby="standing-heading">
            <h2 id="standing-heading">
              {t('members.standingOn', { date: asOf })}
            </h2>
            {standing === null ? (
              <p>{t('members.noStanding')}</p>
            ) : (
              <dl className="facts">
                <dt>{t('members.status')}</dt>
                <dd>
                  <span className={`badge badge-${categoryOf(standing)}`} data-testid="standing">
                    {labels.status(standing.status)}
                  </span>
                  {standing.role !== 'member' && <> ({labels.partyRole(standing.role)})</>}
                </dd>
                <dt>{t('members.since')}</dt>
                <dd>
                  <DateText value={standing.since} />
                </dd>
                <dt>{t('members.act')}</dt>
                <dd>
                  <Recorded>{standing.act}</Recorded>
                </dd>
                <dt>{t('common.cites')}</dt>
                <dd>
                  <Cites cites={standing.cites} />
                </dd>
                <dt>{t('members.participation')}</dt>
                <dd>
                  {standing.participation === undefined || standing.participation.participating ? (
                    t('members.participating')
                  ) : (
                    <>
                      {t('members.notParticipating')} <DateText value={standing.participation.since} />
                      <span className="block">
                        <Recorded>{standing.participation.basis}</Recorded>
                      </span>
                    </>
                  )}
                </dd>
              </dl>
            )}
          </section>
          <section className="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t('members.timeline')}</h2>
            <p className="hint">{t('members.timelineDescription')}</p>
            <Timeline history={data.history} asOf={asOf} today={today} />
          </section>
          <section className="card" aria-labelledby="notes-heading">
            <h2 id="notes-heading">{t('members.notes')}</h2>
            {data.notes.length === 0 ? <p>{t('members.noNotes')}</p> : <NoteTable notes={data.notes} caption={t('members.notes')} />}
          </section>
          <section className="card statements" aria-labelledby="statements-heading">
            <h2 id="statements-heading">{t('members.statements')}</h2>
            {data.statements.length === 0 ? <p>{t('members.noStatements')}</p> : <StatementList statements={data.statements} />}
          </section>
        </>
      )}
    </Page>
  );
}
