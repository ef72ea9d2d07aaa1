/** The secretariat's desk: every act and read of a signed-in person, checked against their role. */
export { actorOf, authorize, found, guarded, notFound, systemPrincipal, type Signed } from './guard.js';
export * from './reads.js';
export * from './writes.js';
export * from './accounts.js';
export * from './proofs.js';
