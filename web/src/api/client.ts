/**
 * Every call to the secretariat's API goes through here: the CSRF token rides on each change,
 * a fresh idempotency key marks each user action (so a retried click records nothing twice), and
 * a failure comes back as problem details, never as an exception the page must guess at.
 */
import type { Problem } from './types';

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => undefined;

/** Kept in memory only: the cookie carries the session, the token proves the page is ours. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when the server says the session is gone (the router sends the user to log in). */
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'title' in value && 'status' in value;
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = { title: response.statusText || 'Error', status: response.status };
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? body : fallback;
  } catch {
    return fallback;
  }
}

interface RequestOptions {
  readonly body?: unknown;
  readonly signal?: AbortSignal | undefined;
  /** Sent with a change so the server recognizes the same action sent twice. */
  readonly idempotencyKey?: string | undefined;
  /** The sign-in and its checks handle 401 themselves. */
  readonly quietOn401?: boolean;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<Result<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    if (csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
    headers['Idempotency-Key'] = options.idempotencyKey ?? crypto.randomUUID();
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, problem: { title: 'Network error', status: 0, detail: 'The server could not be reached.' } };
  }
  if (response.status === 401 && options.quietOn401 !== true) onUnauthorized();
  if (!response.ok) return { ok: false, problem: await readProblem(response) };
  if (response.status === 204) return { ok: true, value: undefined as T };
  try {
    return { ok: true, value: (await response.json()) as T };
  } catch {
    // A proxy's page or a cut answer: said as a problem, like any other failure.
    return { ok: false, problem: { title: 'Invalid response', status: response.status, detail: 'The server answered with something other than JSON.' } };
  }
}

export function get<T>(path: string, signal?: AbortSignal, quietOn401 = false): Promise<Result<T>> {
  return request<T>('GET', path, { signal, quietOn401 });
}

export function post<T>(path: string, body?: unknown, idempotencyKey?: string, quietOn401 = false): Promise<Result<T>> {
  return request<T>('POST', path, { body: body ?? {}, idempotencyKey, quietOn401 });
}

export function remove(path: string): Promise<Result<undefined>> {
  return request<undefined>('DELETE', path, { quietOn401: true });
}

/** A query string from the defined values only. */
export function query(params: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
