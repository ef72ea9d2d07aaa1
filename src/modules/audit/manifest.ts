/**
 * The audit log: the reads that were refused, kept apart from the ledger and bounded (refused
 * commands are in the ledger). The administrator reads it.
 */
import type { ModuleDescriptor } from '../descriptor.js';

export const auditManifest = {
  id: 'audit',
  title: { en: 'Audit log', ru: 'Журнал аудита' },
  streams: [],
  actions: {
    'audit:read': { roles: ['admin'], scope: 'read' },
  },
} as const satisfies ModuleDescriptor;
