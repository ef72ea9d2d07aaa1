/**
 * The accounts module's rows of the permission matrix (test/api-permissions.test.ts) beyond the
 * platform's own: only the administrator gives roles and resets passwords.
 */
import type { Matrix } from '../../../test/support/permission-matrix.js';

export const matrix: Matrix = () =>
  Promise.resolve([
    { method: 'POST', route: '/api/accounts/{username}/role', path: '/api/accounts/nobody/role', body: { role: 'analyst' }, allowed: ['admin'] },
    { method: 'POST', route: '/api/accounts/{username}/password-reset', path: '/api/accounts/nobody/password-reset', allowed: ['admin'] },
  ]);
