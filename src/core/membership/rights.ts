/**
 * What an observer's or a partner's status gives it, as its pack sets it (CSTO Charter Art. 21:
 * observers take part in sessions as the Rules of Procedure allow): sessions it may attend and
 * decisions it is informed of. A status never gives a position in the members' decisions.
 */
import type { Pack } from '../framework/index.js';
import type { AssociateRole } from './records.js';

export interface AssociateRights {
  readonly attends: readonly string[];
  readonly informed: readonly string[];
  readonly cites: readonly string[];
}

export function associateRights(pack: Pack, role: AssociateRole): AssociateRights {
  const rights = pack.standing?.[role]?.rights;
  return { attends: rights?.attends ?? [], informed: rights?.informed ?? [], cites: rights?.cites ?? [] };
}

/** The associates, among those holding a status, that are informed of the body's decisions. */
export function informedOf(pack: Pack, body: string, associates: readonly { readonly state: string; readonly role: AssociateRole }[]): string[] {
  return associates.filter((a) => associateRights(pack, a.role).informed.includes(body)).map((a) => a.state).sort();
}
