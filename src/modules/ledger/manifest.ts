/**
 * The ledger as people read it: its entries page by page, the verification of its chain, the
 * live stream of new entries, and the server's metrics.
 */
import { EVERYONE, SECRETARIAT } from '../../core/access/permissions.js';
import type { ModuleDescriptor } from '../descriptor.js';

export const ledgerManifest = {
  id: 'ledger',
  title: { en: 'Ledger', ru: 'Журнал' },
  streams: [],
  actions: {
    'ledger:read': { roles: [...SECRETARIAT, 'analyst'], scope: 'read' },
    // The whole chain is read: the secretariat's to ask, not every reader's (see the route's limit).
    'ledger:verify': { roles: SECRETARIAT, scope: 'read' },
    // Every member holds the proof: the checkpoint and the proofs of what each reader may see.
    'ledger:checkpoint': { roles: EVERYONE, scope: 'read' },
    'ledger:prove': { roles: EVERYONE, scope: 'read' },
    'events:read': { roles: EVERYONE, scope: 'read' },
    'metrics:read': { roles: ['admin'], scope: 'metrics' },
  },
  navigation: [
    { path: '/ledger', label: { en: 'Ledger', ru: 'Журнал' }, action: 'ledger:read', order: 90 },
    { path: '/proof', label: { en: 'Proof of the record', ru: 'Доказательство записи' }, action: 'ledger:checkpoint', order: 91 },
  ],
} as const satisfies ModuleDescriptor;
