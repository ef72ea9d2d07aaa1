import type { ConcordModule } from '../module.js';
import { applicationCommands } from './commands.js';
import { demoApplication } from './demo.js';
import { applicationsManifest } from './manifest.js';
import { cases, migrations, TABLE } from './read-model.js';
import { concludeOnDecision } from './reaction.js';
import { applicationRoutes } from './routes.js';

export const applications: ConcordModule = {
  ...applicationsManifest,
  migrations,
  projections: [cases],
  readModels: [{ table: TABLE, key: 'id' }],
  reactions: [concludeOnDecision],
  routes: applicationRoutes,
  commands: applicationCommands,
  demo: demoApplication,
};
