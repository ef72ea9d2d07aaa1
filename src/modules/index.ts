/**
 * The registry of modules: one line each. Everything that iterates modules (server, command line,
 * projector, timers, access checks, the web's navigation) reads this list.
 */
import { accounts } from './accounts/index.js';
import { applications } from './applications/index.js';
import { audit } from './audit/index.js';
import { decisions } from './decisions/index.js';
import { ledger } from './ledger/index.js';
import type { ConcordModule } from './module.js';
import { notifications } from './notifications/index.js';
import { registry } from './registry/index.js';
import { sessions } from './sessions/index.js';

/**
 * Every module, in the registry's order. A function, not a constant: the modules import the
 * application, which reads the registry, so the list is made when first asked for, never while
 * the files load, whichever of them loads first.
 */
export function modules(): readonly ConcordModule[] {
  return [
    registry,
    decisions,
    sessions,
    notifications,
    accounts,
    ledger,
    audit,
    applications,
  ];
}
