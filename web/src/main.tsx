/**
 * The secretariat desk: routes under `/`, served by the same server as the API. The pages come
 * from the modules' registry; this file names none of them.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from './components/layout';
import { initI18n } from './i18n';
import { moduleRoutes, moduleStrings } from './modules';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { SignInProvider } from './sign-in/sign-in';
import './styles.css';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [...moduleRoutes, { path: '*', element: <NotFoundPage /> }],
  },
]);

initI18n(moduleStrings);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <SignInProvider>
      <RouterProvider router={router} />
    </SignInProvider>
  </StrictMode>,
);
