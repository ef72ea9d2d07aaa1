/**
 * "As of" and "as known on": the two dates every registry question takes. They live in the
 * address, so that a view of the past can be bookmarked and sent to a colleague.
 */
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { query } from '../api/client';
import { localToday } from './format';
import { TextField } from './forms';

export interface AsOfDates {
  readonly asOf: string | undefined;
  readonly knownAt: string | undefined;
  /** `?asOf=…&knownAt=…` for the API, empty for today. */
  readonly search: string;
}

function validDate(value: string | null): string | undefined {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

export function useAsOf(): AsOfDates {
  const [params] = useSearchParams();
  const asOf = validDate(params.get('asOf'));
  const knownAt = validDate(params.get('knownAt'));
  return { asOf, knownAt, search: query({ asOf, knownAt }) };
}

export function AsOfForm({ dates }: { readonly dates: AsOfDates }): ReactNode {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const [asOf, setAsOf] = useState(dates.asOf ?? localToday());
  const [knownAt, setKnownAt] = useState(dates.knownAt ?? localToday());

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (asOf !== '') next.set('asOf', asOf);
    if (knownAt !== '') next.set('knownAt', knownAt);
    setParams(next);
  };

  return (
    <form className="as-of" onSubmit={submit} aria-label={`${t('members.asOf')} / ${t('members.knownAt')}`}>
      <TextField label={t('members.asOf')} type="date" name="asOf" value={asOf} hint={t('members.asOfHelp')} onChange={(e) => { setAsOf(e.target.value); }} />
      <TextField label={t('members.knownAt')} type="date" name="knownAt" value={knownAt} hint={t('members.knownAtHelp')} onChange={(e) => { setKnownAt(e.target.value); }} />
      <button type="submit" className="primary">
        {t('members.show')}
      </button>
    </form>
  );
}
