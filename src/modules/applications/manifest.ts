/**
 * Enlargement and cooperation formats: applications for membership, observer or partner status,
 * and measures on a standing (suspension, its lifting, expulsion, suspension or annulment of a
 * status), each carried through the competent body's decision to the registry.
 */
import { EVERYONE, SECRETARIAT } from '../../core/access/permissions.js';
import { APPLICATION_STREAMS } from '../../core/applications/streams.js';
import type { ModuleDescriptor } from '../descriptor.js';

export const applicationsManifest = {
  id: 'applications',
  title: { en: 'Applications', ru: 'Заявки' },
  // The case's entries name the applicant's notes: the secretariat's and the analysts' to follow
  // in the ledger; everyone else reads the case through its view, which withholds them.
  streams: [{ prefix: APPLICATION_STREAMS, reads: (p) => p.role === 'analyst' }],
  actions: {
    'application:read': { roles: EVERYONE, scope: 'read' },
    // Charter Art. 19 and 21: the request goes to the Secretary General, whose secretariat records it and assesses it.
    'application:submit': { roles: SECRETARIAT, scope: 'write' },
    'application:assess': { roles: SECRETARIAT, scope: 'write' },
    'application:withdraw': { roles: SECRETARIAT, scope: 'write' },
    'application:lapse': { roles: SECRETARIAT, scope: 'write' },
    'application:propose': { roles: SECRETARIAT, scope: 'write' },
  },
  navigation: [{ path: '/applications', label: { en: 'Applications', ru: 'Заявки' }, action: 'application:read', order: 25 }],
} as const satisfies ModuleDescriptor;
