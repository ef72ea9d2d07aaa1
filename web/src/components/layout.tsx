/**
 * The frame of every signed-in page: the organization's name, the pages this role may use, who is
 * signed in, the language switch, and the page itself in the main landmark.
 */
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { FrameworkProvider, useFramework } from '../api/framework';
import { LiveProvider } from '../api/live';
import { useLabels } from '../i18n/labels';
import { useSession } from '../session/session';
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

function Navigation(): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const links: { to: string; label: string; show: boolean }[] = [
    { to: '/', label: t('nav.dashboard'), show: true },
    { to: '/inbox', label: t('nav.inbox'), show: can.seeInbox },
    { to: '/members', label: t('nav.members'), show: true },
    { to: '/decisions', label: t('nav.decisions'), show: true },
    { to: '/sessions', label: t('nav.sessions'), show: true },
    { to: '/correspondence', label: t('nav.correspondence'), show: true },
    { to: '/ledger', label: t('nav.ledger'), show: can.seeLedger },
  ];
  return (
    <nav aria-label={t('app.mainNav')} className="main-nav">
      <ul>
        {links
          .filter((link) => link.show)
          .map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.to === '/'}>
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
  const { account, logOut } = useSession();
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
  const { account } = useSession();
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
