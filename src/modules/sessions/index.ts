import type { ConcordModule } from '../module.js';
import { sessionCommands } from './commands.js';
import { sessionsManifest } from './manifest.js';
import { sessions as sessionList } from './projections.js';
import { sessionRoutes } from './routes.js';

export const sessions: ConcordModule = {
  ...sessionsManifest,
  projections: [sessionList],
  readModels: [{ table: 'projection_sessions', key: 'id' }],
  routes: sessionRoutes,
  commands: sessionCommands,
};
