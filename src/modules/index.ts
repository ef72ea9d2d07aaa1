/**
 * The registry of modules: one line each. Everything that iterates modules (server, command line,
 * projector, timers, access checks, the web's navigation) reads this list.
 */
import { accounts } from './accounts/index.js';
import { applications } from './applications/index.js';
import { decisions } from './decisions/index.js';
import { ledger } from './ledger/index.js';
import type { ConcordModule } from './module.js';
import { notifications } from './notifications/index.js';
import { registry } from './registry/index.js';
import { sessions } from './sessions/index.js';

export const MODULES: readonly ConcordModule[] = [
  registry,
  decisions,
  sessions,
  notifications,
  accounts,
  ledger,
  applications,
];
