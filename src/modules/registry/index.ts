import { takeWithdrawalEffect } from '../../app/index.js';
import type { ConcordModule } from '../module.js';
import { registryCommands } from './commands.js';
import { registryManifest } from './manifest.js';
import { correspondence, framework, migrations, statements, timeline } from './projections.js';
import { registryRoutes } from './routes.js';

export const registry: ConcordModule = {
  ...registryManifest,
  migrations,
  projections: [timeline, correspondence, statements, framework],
  readModels: [
    { table: 'projection_timeline', key: 'seq' },
    { table: 'projection_correspondence', key: 'id' },
    { table: 'projection_statements', key: 'id' },
    { table: 'projection_settings', key: 'key' },
  ],
  timers: { withdrawal: async (c, timerId, payload, by) => (await takeWithdrawalEffect(c, payload.party ?? '', timerId, by)).ok },
  routes: registryRoutes,
  commands: registryCommands,
};
