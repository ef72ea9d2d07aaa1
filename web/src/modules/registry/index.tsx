/**
 * The registry module's pages: the overview, the registry of parties and each party's record,
 * and the correspondence register beside the record of public statements.
 */
import type { RouteObject } from 'react-router';
import { CorrespondencePage } from './correspondence-page';
import { DashboardPage } from './dashboard-page';
import { MemberPage } from './member-page';
import { MembersPage } from './members-page';

export const routes: RouteObject[] = [
  { index: true, element: <DashboardPage /> },
  { path: 'members', element: <MembersPage /> },
  { path: 'members/:state', element: <MemberPage /> },
  { path: 'correspondence', element: <CorrespondencePage /> },
];
