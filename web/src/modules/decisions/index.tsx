/**
 * The decisions module's pages: every decision, a new draft, and each decision from draft to
 * acknowledgement.
 */
import type { RouteObject } from 'react-router';
import { DecisionPage } from './decision/decision-page';
import { DecisionsPage } from './decisions-page';

export const routes: RouteObject[] = [
  { path: 'decisions', element: <DecisionsPage /> },
  { path: 'decisions/:id', element: <DecisionPage /> },
];
