/**
 * The registry: each party's standing over time, the correspondence register of official notes,
 * and the record of public statements (kept apart: a statement never changes a status).
 */
import { EVERYONE, SECRETARIAT, userActor } from '../../core/access/permissions.js';
import { NOTE_STREAMS, STATEMENT_STREAMS } from '../../core/correspondence/streams.js';
import { PARTY_STREAMS } from '../../core/membership/streams.js';
import type { ModuleDescriptor } from '../descriptor.js';

export const registryManifest = {
  id: 'registry',
  title: { en: 'Registry and correspondence', ru: 'Реестр и переписка' },
  streams: [
    { prefix: PARTY_STREAMS, reads: () => true },
    { prefix: STATEMENT_STREAMS, reads: () => true },
    { prefix: 'framework', reads: () => true },
    // A state's notes are that state's and the secretariat's; analysts follow the whole register.
    { prefix: NOTE_STREAMS, reads: (p, e) => p.role === 'analyst' || (p.role === 'delegate' && p.state !== null && (e.data as { sender?: unknown } | null)?.sender === p.state) },
    // Each reader sees their own refused attempts.
    { prefix: 'refusals', reads: (p, e) => (e.data as { actor?: unknown } | null)?.actor === userActor(p.username) },
  ],
  actions: {
    'registry:read': { roles: EVERYONE, scope: 'read' },
    'correspondence:read': { roles: ['admin', 'officer', 'delegate', 'analyst'], scope: 'read' },
    'correspondence:register': { roles: SECRETARIAT, scope: 'write' },
    'statement:read': { roles: EVERYONE, scope: 'read' },
    'statement:record': { roles: [...SECRETARIAT, 'analyst'], scope: 'write' },
  },
  navigation: [
    { path: '/', label: { en: 'Overview', ru: 'Обзор' }, action: 'registry:read', order: 0 },
    { path: '/members', label: { en: 'Members', ru: 'Государства-члены' }, action: 'registry:read', order: 10 },
    { path: '/correspondence', label: { en: 'Correspondence', ru: 'Переписка' }, action: 'statement:read', order: 40 },
  ],
} as const satisfies ModuleDescriptor;
