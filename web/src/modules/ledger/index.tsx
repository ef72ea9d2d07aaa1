/**
 * The ledger module's pages: the ledger as the secretariat and analysts audit it.
 */
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { NotPermittedPage } from '../../components/page';
import type { ModuleStrings } from '../../i18n/module-strings';
import { useSignIn } from '../../sign-in/sign-in';
import { LedgerPage } from './ledger-page';
import { en, ru, useLedgerTranslation } from './strings';

function LedgerRoute(): ReactNode {
  const { can } = useSignIn();
  const ts = useLedgerTranslation();
  return can('ledger:read') ? <LedgerPage /> : <NotPermittedPage title={ts('title')} />;
}

export const routes: RouteObject[] = [{ path: 'ledger', element: <LedgerRoute /> }];

export const i18n = { en, ru } satisfies ModuleStrings;
