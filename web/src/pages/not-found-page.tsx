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
