import { closeDecision } from '../../app/index.js';
import type { ConcordModule } from '../module.js';
import { decisionCommands } from './commands.js';
import { decisionsManifest } from './manifest.js';
import { decisions as decisionList } from './projections.js';
import { decisionRoutes } from './routes.js';

export { mayReadDecision } from './manifest.js';

export const decisions: ConcordModule = {
  ...decisionsManifest,
  projections: [decisionList],
  readModels: [{ table: 'projection_decisions', key: 'id' }],
  timers: { 'procedure-deadline': async (c, _timerId, payload, by) => (await closeDecision(c, payload.decisionId ?? '', by)).ok },
  routes: decisionRoutes,
  commands: decisionCommands,
};
