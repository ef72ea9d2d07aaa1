import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/page';

export function NotFoundPage(): ReactNode {
  const { t } = useTranslation();
  return (
    <Page title={t('common.notFound')}>
      <p>{t('common.notFoundText')}</p>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </Page>
  );
}

/** A page this role may not use: said plainly, not hidden behind an empty screen. */
export function NotPermittedPage({ title }: { readonly title: string }): ReactNode {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <p className="problem" role="alert">
        {t('common.notPermitted')}
      </p>
    </Page>
  );
}
