/**
 * Loading what a page shows, and sending what a user does, with the states a page must render:
 * loading, the answer, the problem.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { get, post, type Result } from './client';
import type { Problem } from './types';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly problem: Problem | undefined;
  readonly loading: boolean;
  /** Fetches the same path again, keeping the current data on screen meanwhile. */
  readonly reload: () => void;
}

/** GETs `path` (none while it is null), again whenever it changes or `reload` is called. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);

  // Another path is another thing: what was shown for the last one must not stand for it.
  const [shownFor, setShownFor] = useState(path);
  if (shownFor !== path) {
    setShownFor(path);
    setData(undefined);
    setProblem(undefined);
  }

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    get<T>(path, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        if (result.ok) {
          setData(result.value);
          setProblem(undefined);
        } else {
          setProblem(result.problem);
        }
        setLoading(false);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setProblem({ title: 'Error', status: 0, detail: error instanceof Error ? error.message : String(error) });
        setLoading(false);
      },
    );
    return () => {
      controller.abort();
    };
  }, [path, generation]);

  const reload = useCallback(() => {
    setGeneration((g) => g + 1);
  }, []);
  return { data, problem, loading, reload };
}

export interface Action<B, T> {
  readonly run: (body: B) => Promise<Result<T>>;
  readonly pending: boolean;
  readonly problem: Problem | undefined;
  readonly clear: () => void;
}

/**
 * One user action against `path`. The idempotency key stays the same while the user re-sends the
 * same thing (a retry after a lost answer) and changes when what is sent changes or succeeded.
 */
export function useAction<B, T>(path: string): Action<B, T> {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const last = useRef<{ path: string; body: string; key: string } | null>(null);

  const run = useCallback(
    async (body: B): Promise<Result<T>> => {
      const text = JSON.stringify(body);
      const previous = last.current;
      const key = previous !== null && previous.path === path && previous.body === text ? previous.key : crypto.randomUUID();
      last.current = { path, body: text, key };
      setPending(true);
      setProblem(undefined);
      try {
        const result = await post<T>(path, body, key);
        if (result.ok) last.current = null;
        else setProblem(result.problem);
        return result;
      } finally {
        setPending(false);
      }
    },
    [path],
  );
  const clear = useCallback(() => {
    setProblem(undefined);
  }, []);
  return { run, pending, problem, clear };
}
