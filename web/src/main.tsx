/**
 * The secretariat desk: routes under `/`, served by the same server as the API.
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from './components/layout';
import { initI18n } from './i18n';
import { CorrespondencePage } from './pages/correspondence-page';
import { DashboardPage } from './pages/dashboard-page';
import { DecisionPage } from './pages/decision/decision-page';
import { DecisionsPage } from './pages/decisions-page';
import { InboxPage } from './pages/inbox-page';
import { LedgerPage } from './pages/ledger-page';
import { LoginPage } from './pages/login-page';
import { MemberPage } from './pages/member-page';
import { MembersPage } from './pages/members-page';
import { NotFoundPage, NotPermittedPage } from './pages/not-found-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';
import { useSession, SessionProvider } from './session/session';
import './styles.css';

function LedgerRoute(): ReactNode {
  const { can } = useSession();
  const { t } = useTranslation();
  return can.seeLedger ? <LedgerPage /> : <NotPermittedPage title={t('ledger.title')} />;
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'members', element: <MembersPage /> },
      { path: 'members/:state', element: <MemberPage /> },
      { path: 'decisions', element: <DecisionsPage /> },
      { path: 'decisions/:id', element: <DecisionPage /> },
      { path: 'sessions', element: <SessionsPage /> },
      { path: 'sessions/:id', element: <SessionPage /> },
      { path: 'correspondence', element: <CorrespondencePage /> },
      { path: 'ledger', element: <LedgerRoute /> },
      { path: 'inbox', element: <InboxPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

initI18n();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  </StrictMode>,
);
