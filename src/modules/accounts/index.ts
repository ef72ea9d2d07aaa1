import type { ConcordModule } from '../module.js';
import { checkPowerTables, passwordsToResetNotice } from './check.js';
import { accountCommands } from './commands.js';
import { ACCOUNT_STREAMS, accountsManifest } from './manifest.js';
import { accountRoutes } from './routes.js';
import { migrations, POWER_READ_MODELS, powerProjection } from './tables.js';

export const accounts: ConcordModule = {
  ...accountsManifest,
  migrations,
  projections: [powerProjection],
  readModels: POWER_READ_MODELS,
  routes: accountRoutes,
  commands: accountCommands,
  checks: [checkPowerTables],
  powerStreams: [ACCOUNT_STREAMS],
  afterImport: passwordsToResetNotice,
};
