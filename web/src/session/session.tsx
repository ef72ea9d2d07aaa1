/**
 * Who is at the desk. The session lives in an HttpOnly cookie; the page keeps only the account it
 * answers for and the CSRF token, fetched again on every load.
 */
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { get, post, remove, setCsrfToken, whenUnauthorized, type Result } from '../api/client';
import type { Account, SessionAnswer } from '../api/types';
import { permissionsOf, type Permissions } from './permissions';

interface SessionContextValue {
  /** undefined while the first check runs; null when nobody is logged in. */
  readonly account: Account | null | undefined;
  readonly can: Permissions;
  readonly logIn: (username: string, password: string) => Promise<Result<SessionAnswer>>;
  readonly logOut: () => Promise<void>;
  readonly changePassword: (current: string, next: string) => Promise<Result<unknown>>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { readonly children: ReactNode }): ReactNode {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);

  const adopt = useCallback((answer: SessionAnswer | null) => {
    setCsrfToken(answer?.csrfToken ?? null);
    setAccount(answer?.account ?? null);
  }, []);

  useEffect(() => {
    whenUnauthorized(() => {
      adopt(null);
    });
    get<SessionAnswer>('/api/session', undefined, true).then(
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
      const result = await post<SessionAnswer>('/api/session', { username, password }, undefined, true);
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
        // The server may issue a fresh token with the new password; ask for the session again.
        const again = await get<SessionAnswer>('/api/session', undefined, true);
        adopt(again.ok ? again.value : null);
      }
      return result;
    },
    [adopt],
  );

  const value = useMemo<SessionContextValue>(
    () => ({ account, can: permissionsOf(account ?? null), logIn, logOut, changePassword }),
    [account, logIn, logOut, changePassword],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = use(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}
