import type { ConcordModule } from '../module.js';
import { accountCommands } from './commands.js';
import { accountsManifest } from './manifest.js';
import { accountRoutes } from './routes.js';

export const accounts: ConcordModule = {
  ...accountsManifest,
  routes: accountRoutes,
  commands: accountCommands,
};
