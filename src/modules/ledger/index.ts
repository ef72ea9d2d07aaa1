import type { ConcordModule } from '../module.js';
import { ledgerManifest } from './manifest.js';
import { ledgerRoutes } from './routes.js';

export const ledger: ConcordModule = {
  ...ledgerManifest,
  routes: ledgerRoutes,
};
