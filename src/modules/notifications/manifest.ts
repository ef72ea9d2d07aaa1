/**
 * Informing every member of every decision, including those that took no part: notifications,
 * their delivery through the outbox, acknowledgement, and members' points of contact.
 */
import { SECRETARIAT } from '../../core/access/permissions.js';
import type { ModuleDescriptor } from '../descriptor.js';

export const NOTIFICATION_STREAMS = 'notification-';
export const CONTACT_STREAMS = 'contact-';

export const notificationsManifest = {
  id: 'notifications',
  title: { en: 'Notifications', ru: 'Уведомления' },
  streams: [
    // A notification's stream is `notification-<decision>:<state>`: the state's and the secretariat's; analysts follow all.
    { prefix: NOTIFICATION_STREAMS, reads: (p, e) => p.role === 'analyst' || (p.role === 'delegate' && p.state !== null && e.streamId.endsWith(`:${p.state}`)) },
    { prefix: CONTACT_STREAMS, reads: (p, e) => p.role === 'delegate' && e.streamId === `${CONTACT_STREAMS}${p.state ?? ''}` },
  ],
  actions: {
    'notification:read': { roles: [...SECRETARIAT, 'delegate', 'analyst'], scope: 'read' },
    'notification:acknowledge': { roles: [...SECRETARIAT, 'delegate'], scope: 'write' },
    'contact:manage': { roles: SECRETARIAT, scope: 'write' },
  },
  navigation: [{ path: '/inbox', label: { en: 'Inbox', ru: 'Входящие' }, action: 'notification:acknowledge', order: 5 }],
} as const satisfies ModuleDescriptor;
