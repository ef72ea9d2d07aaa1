import type { ConcordModule } from '../module.js';
import { ledgerManifest } from './manifest.js';
import { proofRoutes } from './proof-routes.js';
import { ledgerRoutes } from './routes.js';

export const ledger: ConcordModule = {
  ...ledgerManifest,
  routes: (app, c) => {
    ledgerRoutes(app, c);
    proofRoutes(app, c);
  },
};
