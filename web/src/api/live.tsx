/**
 * The live stream of ledger entries (server-sent events). One connection serves the whole desk;
 * pages subscribe to the streams they show and fetch their view again when one moves.
 */
import { createContext, use, useEffect, useRef, useState, type ReactNode } from 'react';
import type { LiveEntry } from './types';

type Listener = (entry: LiveEntry) => void;

interface Live {
  readonly subscribe: (listener: Listener) => () => void;
  readonly connected: boolean;
}

const LiveContext = createContext<Live>({ subscribe: () => () => undefined, connected: false });

function parseEntry(text: string): LiveEntry | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && 'streamId' in value && typeof value.streamId === 'string') return value as LiveEntry;
  } catch {
    // A message the desk cannot read is skipped; the next reload shows the truth anyway.
  }
  return undefined;
}

export function LiveProvider({ children }: { readonly children: ReactNode }): ReactNode {
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);
  const [live] = useState<Omit<Live, 'connected'>>(() => ({
    subscribe: (listener: Listener) => {
      listeners.current.add(listener);
      return () => {
        listeners.current.delete(listener);
      };
    },
  }));

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events', { withCredentials: true });
    const onEntry = (event: MessageEvent<string>): void => {
      const entry = parseEntry(event.data);
      if (entry) for (const listener of listeners.current) listener(entry);
    };
    source.addEventListener('entry', onEntry);
    source.onopen = () => {
      setConnected(true);
    };
    source.onerror = () => {
      setConnected(false);
    };
    return () => {
      source.removeEventListener('entry', onEntry);
      source.close();
      setConnected(false);
    };
  }, []);

  return <LiveContext value={{ ...live, connected }}>{children}</LiveContext>;
}

function streamMatches(streamId: string, pattern: string): boolean {
  return pattern.endsWith('*') ? streamId.startsWith(pattern.slice(0, -1)) : streamId === pattern;
}

/**
 * Calls `onChange` (at most once per `delayMs`) when an entry arrives whose stream matches.
 * A pattern ending in `*` matches by prefix: `['decision-D-1', 'notification-D-1:*']`.
 */
export function useLiveRefresh(matches: readonly string[] | 'any', onChange: () => void, delayMs = 250): boolean {
  const { subscribe, connected } = use(LiveContext);
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });
  const key = matches === 'any' ? 'any' : matches.join('|');

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const prefixes = key === 'any' ? null : key.split('|');
    const unsubscribe = subscribe((entry) => {
      if (prefixes !== null && !prefixes.some((p) => streamMatches(entry.streamId, p))) return;
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        callback.current();
      }, delayMs);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [subscribe, key, delayMs]);
  return connected;
}
