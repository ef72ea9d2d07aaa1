/**
 * Who is signed in at the desk. The sign-in lives in an HttpOnly cookie; the page keeps only the
 * account it answers for and the CSRF token, fetched again on every load. (A "session" elsewhere
 * in the desk is a body's meeting; the HTTP path keeps its historical name.)
 */
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { get, post, remove, setCsrfToken, whenUnauthorized, type Result } from '../api/client';
import type { Account, SignInAnswer } from '../api/types';
import { access } from '../modules/manifests';
import { principalOf, type Can, type Principal } from './principal';

interface SignInContextValue {
  /** undefined while the first check runs; null when nobody is signed in. */
  readonly account: Account | null | undefined;
  /** The account as the access checks see it; null when nobody is signed in. */
  readonly principal: Principal | null;
  /**
   * Whether this person may take `action` (for or about `forState`), as the server's table says.
   * The server checks every command itself; the desk only spares a user forms they could not send.
   */
  readonly can: Can;
  readonly logIn: (username: string, password: string) => Promise<Result<SignInAnswer>>;
  readonly logOut: () => Promise<void>;
  readonly changePassword: (current: string, next: string) => Promise<Result<unknown>>;
}

const SignInContext = createContext<SignInContextValue | null>(null);

export function SignInProvider({ children }: { readonly children: ReactNode }): ReactNode {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);

  const adopt = useCallback((answer: SignInAnswer | null) => {
    setCsrfToken(answer?.csrfToken ?? null);
    setAccount(answer?.account ?? null);
  }, []);

  useEffect(() => {
    whenUnauthorized(() => {
      adopt(null);
    });
    get<SignInAnswer>('/api/session', undefined, true).then(
      (result) => {
        adopt(result.ok ? result.value : null);
      },
      () => {
        adopt(null);
      },
    );
  }, [adopt]);

  const logIn = useCallback(
    async (username: string, password: string) => {
      const result = await post<SignInAnswer>('/api/session', { username, password }, undefined, true);
      if (result.ok) adopt(result.value);
      return result;
    },
    [adopt],
  );

  const logOut = useCallback(async () => {
    await remove('/api/session');
    adopt(null);
  }, [adopt]);

  const changePassword = useCallback(
    async (current: string, next: string) => {
      const result = await post<unknown>('/api/session/password', { current, next }, undefined, true);
      if (result.ok) {
        // The server may issue a fresh token with the new password; ask for the sign-in again.
        const again = await get<SignInAnswer>('/api/session', undefined, true);
        adopt(again.ok ? again.value : null);
      }
      return result;
    },
    [adopt],
  );

  const value = useMemo<SignInContextValue>(() => {
    const principal = account ? principalOf(account) : null;
    const can: Can = (action, forState) => {
      if (principal === null) return false;
      // A page asking of an action no manifest declares is a bug; it hides the form rather than the page.
      if (!access.actions.includes(action)) {
        console.error(`no module declares the action "${action}"`);
        return false;
      }
      return access.permits(principal, action, forState).ok;
    };
    return { account, principal, can, logIn, logOut, changePassword };
  }, [account, logIn, logOut, changePassword]);
  return <SignInContext value={value}>{children}</SignInContext>;
}

export function useSignIn(): SignInContextValue {
  const value = use(SignInContext);
  if (value === null) throw new Error('useSignIn outside SignInProvider');
  return value;
}
