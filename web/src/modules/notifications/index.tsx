/**
 * The notifications module's pages: a delegate's inbox. (The state of each decision's
 * notifications is shown on the decision itself.)
 */
import type { RouteObject } from 'react-router';
import type { WebModule } from '..';
import { hasInbox, InboxPage } from './inbox-page';

export const routes: RouteObject[] = [{ path: 'inbox', element: <InboxPage /> }];

/** The menu's inbox is a delegate's, though the secretariat may acknowledge too (see `hasInbox`). */
export const shownTo = { '/inbox': hasInbox } satisfies WebModule['shownTo'];
