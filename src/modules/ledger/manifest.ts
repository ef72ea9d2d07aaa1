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
    'ledger:verify': { roles: EVERYONE, scope: 'read' },
    'events:read': { roles: EVERYONE, scope: 'read' },
    'metrics:read': { roles: ['admin'], scope: 'metrics' },
  },
  navigation: [{ path: '/ledger', label: { en: 'Ledger', ru: 'Журнал' }, action: 'ledger:read', order: 90 }],
} as const satisfies ModuleDescriptor;
