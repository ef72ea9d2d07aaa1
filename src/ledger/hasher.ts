/**
 * The tree's hash, SHA-256 as RFC 9162 has it: in a file of its own, so that the members'
 * verifier needs nothing of the database to use it.
 */
import { createHash } from 'node:crypto';
import { treeHasher } from '../core/ledger/merkle.js';

export const HASHER = treeHasher((data) => createHash('sha256').update(data).digest());
