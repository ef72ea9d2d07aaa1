/**
 * The frame of every signed-in page: the organization's name, the pages this role may use, who is
 * signed in, the language switch, and the page itself in the main landmark.
 */
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { FrameworkProvider, useFramework } from '../api/framework';
import { LiveProvider } from '../api/live';
import { currentLanguage } from '../i18n';
import { useLabels } from '../i18n/labels';
import { navigationFor } from '../modules';
import { useSignIn } from '../sign-in/sign-in';
import { LanguageSwitch } from './language-switch';
import { Loading } from './page';

function OrganizationName(): ReactNode {
  const framework = useFramework();
  const { pick } = useLabels();
  const { t } = useTranslation();
  return (
    <div className="brand">
      <span className="brand-name">{framework ? pick(framework.name) : t('app.product')}</span>
      <span className="brand-desk">{t('app.desk')}</span>
    </div>
  );
}

/** The pages of every module this person may use, as the modules' manifests list them. */
function Navigation(): ReactNode {
  const { t } = useTranslation();
  const { principal } = useSignIn();
  if (principal === null) return null;
  return (
    <nav aria-label={t('app.mainNav')} className="main-nav">
      <ul>
        {navigationFor(principal, currentLanguage()).map((link) => (
          <li key={link.path}>
            <NavLink to={link.path} end={link.path === '/'}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AccountBox(): ReactNode {
  const { t } = useTranslation();
  const { account, logOut } = useSignIn();
  const labels = useLabels();
  if (!account) return null;
  return (
    <div className="account">
      <span>
        <span className="account-label">{t('app.signedInAs')}: </span>
        <strong>{account.username}</strong> · {labels.role(account.role)}
        {account.state !== null && <> · {labels.state(account.state)}</>}
      </span>
      <button
        type="button"
        onClick={() => {
          void logOut();
        }}
      >
        {t('app.logOut')}
      </button>
    </div>
  );
}

/** `signedIn` shows the navigation; the account alone shows while a password must be changed. */
export function Header({ signedIn, showAccount = signedIn }: { readonly signedIn: boolean; readonly showAccount?: boolean }): ReactNode {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <div className="header-row">
        <OrganizationName />
        <div className="header-tools">
          <LanguageSwitch />
          {showAccount && <AccountBox />}
        </div>
      </div>
      {signedIn && <Navigation />}
    </header>
  );
}

/** Moves focus to the new page after navigation, so a screen reader starts at its content. */
function useFocusOnNavigation(): RefObject<HTMLElement | null> {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);
  return main;
}

export function AppLayout(): ReactNode {
  const { account } = useSignIn();
  const location = useLocation();
  const main = useFocusOnNavigation();
  if (account === undefined) return <Loading when />;
  if (account === null || account.mustChangePassword) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <FrameworkProvider>
      <LiveProvider>
        <Header signedIn />
        <main id="main" tabIndex={-1} ref={main}>
          <Outlet />
        </main>
      </LiveProvider>
    </FrameworkProvider>
  );
}
