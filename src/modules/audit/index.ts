import type { ConcordModule } from '../module.js';
import { auditManifest } from './manifest.js';
import { auditRoutes } from './routes.js';

export const audit: ConcordModule = {
  ...auditManifest,
  routes: auditRoutes,
};
