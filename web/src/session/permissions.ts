/**
 * What each role may do at the desk. The server checks every command itself; the desk only
 * spares a user forms they could not send.
 */
import type { Account } from '../api/types';

export interface Permissions {
  /** Drafting, circulating, tabling, closing, sessions, registering notes, accessions. */
  readonly procedural: boolean;
  readonly recordStatements: boolean;
  /** Positions: any state (on a registered note) for the secretariat, its own for a delegate. */
  readonly positionFor: (state: string) => boolean;
  readonly acknowledgeFor: (state: string) => boolean;
  readonly seeLedger: boolean;
  /** The register of official notes (an observer reads statements, not a state's notes). */
  readonly readNotes: boolean;
  readonly seeInbox: boolean;
}

export function permissionsOf(account: Account | null): Permissions {
  const role = account?.role;
  const procedural = role === 'admin' || role === 'officer';
  const ownState = role === 'delegate' ? account?.state ?? null : null;
  return {
    procedural,
    recordStatements: procedural || role === 'analyst',
    positionFor: (state) => procedural || state === ownState,
    acknowledgeFor: (state) => state === ownState,
    seeLedger: procedural || role === 'analyst',
    readNotes: role !== undefined && role !== 'observer',
    seeInbox: role === 'delegate' && ownState !== null,
  };
}
