/**
 * Accounts, sign-in and API tokens: the administrator manages accounts; everyone manages the
 * tokens of their own account.
 */
import { EVERYONE } from '../../core/access/permissions.js';
import type { ModuleDescriptor } from '../descriptor.js';

export const ACCOUNT_STREAMS = 'account-';

export const accountsManifest = {
  id: 'accounts',
  title: { en: 'Accounts', ru: 'Учётные записи' },
  streams: [{ prefix: ACCOUNT_STREAMS, secretariat: ['admin'] }],
  actions: {
    'accounts:manage': { roles: ['admin'], scope: 'write' },
    'tokens:read': { roles: EVERYONE, scope: 'read' },
    'tokens:manage': { roles: EVERYONE, scope: 'write' },
  },
} as const satisfies ModuleDescriptor;
