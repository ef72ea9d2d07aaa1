import type { ConcordModule } from '../module.js';
import { notificationCommands } from './commands.js';
import { notificationsManifest } from './manifest.js';
import { notifications as notificationList } from './projections.js';
import { notificationRoutes } from './routes.js';

export const notifications: ConcordModule = {
  ...notificationsManifest,
  projections: [notificationList],
  readModels: [
    { table: 'projection_contacts', key: 'state' },
    { table: 'projection_notifications', key: 'id' },
  ],
  routes: notificationRoutes,
  commands: notificationCommands,
};
