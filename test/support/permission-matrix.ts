/**
 * A row of the permission matrix: a route, asked by every role. The matrix test runs the rows of
 * the platform and those each module keeps beside its code in `permissions.matrix.ts`, so that a
 * new module brings its own rows and the check that every documented route is covered still holds.
 */
import type { Api } from './api.js';
import { ROLE_ACCOUNTS } from './api.js';

export interface Row {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** The route as the OpenAPI document names it, and the path asked. */
  readonly route: string;
  readonly path: string;
  readonly body?: unknown;
  readonly allowed: readonly string[];
  /** What a role outside `allowed` gets: 403 (refused and recorded) or 404 (not shown to it). */
  readonly denied?: 403 | 404;
  /** Those outside `allowed` to whom the item is not shown (404) while the others are refused. */
  readonly hiddenFrom?: readonly string[];
}

/** A module's rows, with what they need recorded first. */
export type Matrix = (api: Api) => Promise<readonly Row[]>;

export const ALL = ROLE_ACCOUNTS.map((a) => a.username);
export const SECRETARIAT = ['admin', 'officer'];
export const SYSTEM = { actor: 'test' };
