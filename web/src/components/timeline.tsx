/**
 * A state's standing along a time axis: one band for its legal standing, one for its taking part
 * in the bodies (a fact kept apart from standing), a mark for each change. The list below the
 * picture gives every change with the act and the articles behind it.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineChange } from '../api/types';
import { useLabels } from '../i18n/labels';
import { statusCategory, type MapCategory } from '../map/standing';
import { Cites, DateText, InstantText, Recorded } from './format';

const WIDTH = 900;
const LEFT = 130;
const RIGHT = 16;
const BAND = 22;

interface Segment {
  readonly from: string;
  readonly to: string;
  readonly category: MapCategory | 'participating';
  readonly label: string;
}

function years(date: string): number {
  const [y = 0, m = 1, d = 1] = date.slice(0, 10).split('-').map(Number);
  return y + (m - 1) / 12 + (d - 1) / 365;
}

function segments(changes: readonly TimelineChange[], end: string, labelOf: (c: TimelineChange) => string, categoryOf: (c: TimelineChange) => Segment['category']): Segment[] {
  return changes.map((c, i) => ({ from: c.validFrom, to: changes[i + 1]?.validFrom ?? end, category: categoryOf(c), label: labelOf(c) }));
}

/** Every change in words: the date, what changed, the act and the articles, when it was recorded. */
function TimelineList({ changes, asOf, participationLabel }: { readonly changes: readonly TimelineChange[]; readonly asOf: string; readonly participationLabel: (c: TimelineChange) => string }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <ol className="timeline-list">
      {changes.map((c, i) => (
        <li key={c.seq} className={c.validFrom.slice(0, 10) > asOf ? 'after-asof' : undefined}>
          <div className="timeline-when">
            <span className="timeline-num" aria-hidden="true">
              {i + 1}
            </span>
            <DateText value={c.validFrom} />
          </div>
          <div className="timeline-what">
            <strong>{c.change === 'status' ? labels.status(c.status ?? '') : participationLabel(c)}</strong>
            {c.change === 'status' && c.role !== 'member' && <> ({labels.partyRole(c.role)})</>}
            <div>
              {t('members.act')}: <Recorded>{c.act}</Recorded>
            </div>
            <div>
              {t('common.cites')}: <Cites cites={c.cites} />
            </div>
            <div className="meta">
              {t('members.knownFrom')}: <InstantText value={c.knownFrom} />
              {c.reconstructed && <> · {t('members.reconstructed')}</>}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}

export function Timeline({ history, asOf, today }: { readonly history: readonly TimelineChange[]; readonly asOf: string; readonly today: string }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const ordered = [...history].sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.seq - b.seq);
  if (ordered.length === 0) return <p>{t('common.none')}</p>;

  const first = ordered[0]?.validFrom ?? today;
  const end = [today, asOf, ...ordered.map((c) => c.validFrom)].reduce((a, b) => (a > b ? a : b));
  const start = Math.floor(years(first));
  const stop = Math.ceil(years(end) + 0.01);
  const x = (date: string): number => LEFT + ((years(date) - start) / (stop - start)) * (WIDTH - LEFT - RIGHT);
  const span = stop - start;
  const step = span > 40 ? 10 : span > 12 ? 5 : span > 6 ? 2 : 1;
  const ticks: number[] = [];
  for (let year = Math.ceil(start / step) * step; year <= stop; year += step) ticks.push(year);

  const participationLabel = (c: TimelineChange): string => (c.participating === false ? t('members.participationOff') : t('members.participationOn'));
  const standing = segments(
    ordered.filter((c) => c.change === 'status'),
    end,
    (c) => labels.status(c.status ?? ''),
    statusCategory,
  );
  const participationChanges = ordered.filter((c) => c.change === 'participation');
  const recorded = segments(participationChanges, end, participationLabel, (c) => (c.participating === false ? 'not-participating' : 'participating'));
  // Before the first record of non-participation, a member took part as a matter of course.
  const firstRecord = participationChanges[0];
  const participation: Segment[] =
    firstRecord?.participating === false && standing[0] !== undefined && standing[0].from < firstRecord.validFrom
      ? [{ from: standing[0].from, to: firstRecord.validFrom, category: 'participating', label: t('members.participating') }, ...recorded]
      : recorded;
  const height = 110;

  return (
    <div className="timeline">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="timeline-svg" aria-hidden="true">
        <text x={LEFT - 8} y={35} textAnchor="end" className="timeline-row-label">
          {t('members.bandStanding')}
        </text>
        {participation.length > 0 && (
          <text x={LEFT - 8} y={63} textAnchor="end" className="timeline-row-label">
            {t('members.bandParticipation')}
          </text>
        )}
        {standing.map((s) => (
          <rect key={`s-${s.from}`} x={x(s.from)} y={20} width={Math.max(1.5, x(s.to) - x(s.from))} height={BAND} className={`map-state map-${s.category}`}>
            <title>{`${s.from.slice(0, 10)} — ${s.label}`}</title>
          </rect>
        ))}
        {participation.map((s) => (
          <rect key={`p-${s.from}`} x={x(s.from)} y={48} width={Math.max(1.5, x(s.to) - x(s.from))} height={BAND} className={`timeline-${s.category}`}>
            <title>{`${s.from.slice(0, 10)} — ${s.label}`}</title>
          </rect>
        ))}
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={78} y2={78} className="timeline-axis" />
        {ticks.map((year) => (
          <g key={year}>
            <line x1={x(`${year}-01-01`)} x2={x(`${year}-01-01`)} y1={78} y2={83} className="timeline-axis" />
            <text x={x(`${year}-01-01`)} y={96} textAnchor="middle" className="timeline-tick">
              {year}
            </text>
          </g>
        ))}
        {ordered.map((c, i) => (
          <text key={c.seq} x={x(c.validFrom)} y={height - 1} textAnchor="middle" className="timeline-mark">
            {i + 1}
          </text>
        ))}
        <line x1={x(asOf)} x2={x(asOf)} y1={4} y2={78} className="timeline-asof" />
        <text x={x(asOf) - 4} y={13} textAnchor="end" className="timeline-asof-label">
          {asOf}
        </text>
      </svg>
      <TimelineList changes={ordered} asOf={asOf} participationLabel={participationLabel} />
    </div>
  );
}
