/**
 * Dates as the secretariat writes them: calendar dates in ISO form, instants (deadlines, receipts)
 * in the reader's local time with the zone named, the exact UTC instant on hover.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function zoneName(date: Date): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZoneName: 'shortOffset' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/** `2026-05-01 18:00 GMT+3` in the reader's zone. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())} ${zoneName(date)}`.trim();
}

/** The value a `datetime-local` input takes for an instant, in local time. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Today's calendar date in the reader's zone, YYYY-MM-DD. */
export function localToday(): string {
  return toLocalInput(new Date()).slice(0, 10);
}

export function DateText({ value }: { readonly value: string | null | undefined }): ReactNode {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') return <span>{t('common.dash')}</span>;
  const day = value.slice(0, 10);
  return (
    <time dateTime={day} className="nowrap">
      {day}
    </time>
  );
}

export function InstantText({ value }: { readonly value: string | null | undefined }): ReactNode {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') return <span>{t('common.dash')}</span>;
  // A calendar date is a day, not a moment: shown as the day, in no time zone.
  if (value.length === 10) return <DateText value={value} />;
  const text = formatInstant(value);
  const gap = text.indexOf(' ');
  // The day and the hour may fall on two lines in a narrow column, never in mid-date.
  return (
    <time dateTime={value} title={value}>
      <span className="nowrap">{gap < 0 ? text : text.slice(0, gap)}</span>
      {gap >= 0 && (
        <>
          {' '}
          <span className="nowrap">{text.slice(gap + 1)}</span>
        </>
      )}
    </time>
  );
}

/** Article references as the framework writes them, e.g. `charter:12`. */
export function Cites({ cites }: { readonly cites: readonly string[] }): ReactNode {
  const { t } = useTranslation();
  if (cites.length === 0) return <span>{t('common.dash')}</span>;
  return (
    <span className="cites">
      {cites.map((cite) => (
        <code key={cite} className="cite">
          {cite}
        </code>
      ))}
    </span>
  );
}

/** Text the engine or the pack recorded in English: marked so that speech reads it as English. */
export function Recorded({ children }: { readonly children: ReactNode }): ReactNode {
  return <span lang="en">{children}</span>;
}
