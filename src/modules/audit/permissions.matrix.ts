/**
 * The audit module's row of the permission matrix (test/api-permissions.test.ts): only the
 * administrator reads the refused reads.
 */
import type { Matrix } from '../../../test/support/permission-matrix.js';

export const matrix: Matrix = () => Promise.resolve([{ method: 'GET', route: '/api/audit', path: '/api/audit?limit=5', allowed: ['admin'] }]);
