/**
 * Sessions of bodies: convened with the framework's chair, their agenda, attendance, and the
 * no-objection notices attached to items; closing a session closes its items.
 */
import { EVERYONE, SECRETARIAT } from '../../core/access/permissions.js';
import { SESSION_STREAMS } from '../../core/session/streams.js';
import type { ModuleDescriptor } from '../descriptor.js';

export const sessionsManifest = {
  id: 'sessions',
  title: { en: 'Sessions', ru: 'Заседания' },
  streams: [{ prefix: SESSION_STREAMS, reads: () => true, documents: { NoObjectionAttached: 'noteId' } }],
  actions: {
    'session:read': { roles: EVERYONE, scope: 'read' },
    'session:manage': { roles: SECRETARIAT, scope: 'write' },
  },
  navigation: [{ path: '/sessions', label: { en: 'Sessions', ru: 'Заседания' }, action: 'session:read', order: 30 }],
} as const satisfies ModuleDescriptor;
