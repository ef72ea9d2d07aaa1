/**
 * The ledger proof's rows of the permission matrix (test/api-permissions.test.ts): every member
 * holds the proof, so every role reads the checkpoint, checks one it holds, and proves an entry
 * it may see (the first, the pack's history of a member, is public).
 */
import { signCheckpoint } from '../../app/proof.js';
import { ALL, type Matrix } from '../../../test/support/permission-matrix.js';

export const matrix: Matrix = async (api) => {
  const held = await signCheckpoint(api.concord);
  return [
    { method: 'GET', route: '/api/ledger/checkpoint', path: '/api/ledger/checkpoint', allowed: ALL },
    { method: 'GET', route: '/api/ledger/checkpoints', path: '/api/ledger/checkpoints?limit=5', allowed: ALL },
    { method: 'POST', route: '/api/ledger/consistency', path: '/api/ledger/consistency', body: { checkpoint: held }, allowed: ALL },
    { method: 'GET', route: '/api/ledger/entries/{seq}/proof', path: '/api/ledger/entries/1/proof', allowed: ALL },
  ];
};
