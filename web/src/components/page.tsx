import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../api/types';
import { ProblemBanner } from './forms';

/** The window title follows the page and the language. */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const product = t('app.product');
  useEffect(() => {
    document.title = `${title} — ${product}`;
  }, [title, product]);
}

/** A page's heading, its title in the window, and the problem that kept it from loading. */
export function Page({ title, problem, actions, children }: { readonly title: string; readonly problem?: Problem | undefined; readonly actions?: ReactNode; readonly children: ReactNode }): ReactNode {
  useDocumentTitle(title);
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        {actions}
      </div>
      <ProblemBanner problem={problem} />
      {children}
    </>
  );
}

export function Loading({ when }: { readonly when: boolean }): ReactNode {
  const { t } = useTranslation();
  return when ? (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  ) : null;
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
