/**
 * The sessions module's pages: the sessions of the bodies, and each session's agenda, attendance
 * and closing.
 */
import type { RouteObject } from 'react-router';
import type { ModuleStrings } from '../../i18n/module-strings';
import { SessionPage } from './session-page';
import { SessionsPage } from './sessions-page';
import { en, ru } from './strings';

export const routes: RouteObject[] = [
  { path: 'sessions', element: <SessionsPage /> },
  { path: 'sessions/:id', element: <SessionPage /> },
];

export const i18n = { en, ru } satisfies ModuleStrings;
