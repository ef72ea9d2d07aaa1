/**
 * Logging in, and the password change the server may demand before anything else.
 */
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Problem } from '../api/types';
import { placeProblem, ProblemBanner, SubmitButton, TextField } from '../components/forms';
import { Header } from '../components/layout';
import { Loading, useDocumentTitle } from '../components/page';
import { useSignIn } from '../sign-in/sign-in';

function LoginForm(): ReactNode {
  const { t } = useTranslation();
  const { logIn } = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [pending, setPending] = useState(false);
  useDocumentTitle(t('login.title'));
  const placed = placeProblem(problem, ['username', 'password']);

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setPending(true);
    const result = await logIn(username, password);
    setPending(false);
    setProblem(result.ok ? undefined : result.problem);
  };

  return (
    <form className="card narrow" onSubmit={(event) => void submit(event)} aria-labelledby="login-title" noValidate>
      <h1 id="login-title">{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      <ProblemBanner problem={placed.top} focus />
      <TextField label={t('login.username')} name="username" autoComplete="username" required value={username} error={placed.at('username')} onChange={(e) => { setUsername(e.target.value); }} />
      <TextField label={t('login.password')} name="password" type="password" autoComplete="current-password" required value={password} error={placed.at('password')} onChange={(e) => { setPassword(e.target.value); }} />
      <SubmitButton pending={pending}>{t('login.submit')}</SubmitButton>
    </form>
  );
}

function ChangePasswordForm(): ReactNode {
  const { t } = useTranslation();
  const { changePassword } = useSignIn();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [pending, setPending] = useState(false);
  useDocumentTitle(t('login.changeTitle'));
  const placed = placeProblem(problem, ['current', 'next', 'repeat']);

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    if (next !== repeat) {
      setProblem({ title: t('login.mismatch'), status: 400, detail: t('login.mismatch'), field: 'repeat' });
      return;
    }
    setPending(true);
    const result = await changePassword(current, next);
    setPending(false);
    setProblem(result.ok ? undefined : result.problem);
  };

  return (
    <form className="card narrow" onSubmit={(event) => void submit(event)} aria-labelledby="change-title" noValidate>
      <h1 id="change-title">{t('login.changeTitle')}</h1>
      <p>{t('login.changeIntro')}</p>
      <ProblemBanner problem={placed.top} focus />
      <TextField label={t('login.current')} name="current" type="password" autoComplete="current-password" required value={current} error={placed.at('current')} onChange={(e) => { setCurrent(e.target.value); }} />
      <TextField label={t('login.next')} name="next" type="password" autoComplete="new-password" required value={next} error={placed.at('next')} onChange={(e) => { setNext(e.target.value); }} />
      <TextField label={t('login.repeat')} name="repeat" type="password" autoComplete="new-password" required value={repeat} error={placed.at('repeat')} onChange={(e) => { setRepeat(e.target.value); }} />
      <SubmitButton pending={pending}>{t('login.change')}</SubmitButton>
    </form>
  );
}

export function LoginPage(): ReactNode {
  const { account } = useSignIn();
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  if (account && !account.mustChangePassword) return <Navigate to={typeof from === 'string' && from.startsWith('/') ? from : '/'} replace />;
  return (
    <>
      <Header signedIn={false} showAccount={account !== null && account !== undefined} />
      <main id="main" tabIndex={-1} className="login-main">
        {account === undefined ? <Loading when /> : account === null ? <LoginForm /> : <ChangePasswordForm />}
      </main>
    </>
  );
}
