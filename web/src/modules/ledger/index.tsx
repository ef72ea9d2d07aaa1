/**
 * The ledger module's pages: the ledger as the secretariat and analysts audit it, and the proof
 * of the record every member may check.
 */
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { NotPermittedPage } from '../../components/page';
import type { ModuleStrings } from '../../i18n/module-strings';
import { useSignIn } from '../../sign-in/sign-in';
import { LedgerPage } from './ledger-page';
import { ProofPage } from './proof-page';
import { en, ru, useLedgerTranslation } from './strings';

function LedgerRoute(): ReactNode {
  const { can } = useSignIn();
  const ts = useLedgerTranslation();
  return can('ledger:read') ? <LedgerPage /> : <NotPermittedPage title={ts('title')} />;
}

function ProofRoute(): ReactNode {
  const { can } = useSignIn();
  const ts = useLedgerTranslation();
  return can('ledger:checkpoint') ? <ProofPage /> : <NotPermittedPage title={ts('proofTitle')} />;
}

export const routes: RouteObject[] = [
  { path: 'ledger', element: <LedgerRoute /> },
  { path: 'proof', element: <ProofRoute /> },
];

export const i18n = { en, ru } satisfies ModuleStrings;
