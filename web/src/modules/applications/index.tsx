/**
 * The applications module's pages: every case on a state's standing (applications for membership,
 * observer or partner status; measures on a standing held) and each case from the request to the
 * registry. Its strings and its styles are its own: adding it changed nothing else in the desk.
 * The pages load when first opened, so that the desk does not grow with each module.
 */
import type { RouteObject } from 'react-router';
import type { ModuleStrings } from '../../i18n/module-strings';
import { en, ru } from './strings';
import './applications.css';

export const routes: RouteObject[] = [
  { path: 'applications', lazy: async () => ({ Component: (await import('./applications-page')).ApplicationsPage }) },
  { path: 'applications/:id', lazy: async () => ({ Component: (await import('./application-page')).ApplicationPage }) },
];

export const i18n = { en, ru } satisfies ModuleStrings;
