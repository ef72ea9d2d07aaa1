/**
 * Standing as of a date, as known on a date: the timeline of changes folded up to both dates.
 * A change counts if it had taken effect by `asOf` and the secretariat knew of it by `knownAt`.
 */
import type { PartyStanding, TimelineChange } from './records.js';

export type { PartyStanding, TimelineChange } from './records.js';

/** The end of a day, so that a date compares with instants recorded during that day. */
export function endOfDay(date: string): string {
  return date.length === 10 ? `${date}T23:59:59.999Z` : date;
}

export function standingAt(changes: readonly TimelineChange[], asOf: string, knownAt: string): PartyStanding[] {
  const known = endOfDay(knownAt);
  const visible = changes
    .filter((c) => c.validFrom.slice(0, 10) <= asOf && c.knownFrom <= known)
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.seq - b.seq);
  const parties = new Map<string, PartyStanding>();
  for (const c of visible) {
    const current = parties.get(c.party);
    if (c.change === 'status' && c.status !== null) {
      parties.set(c.party, { party: c.party, role: c.role, status: c.status, since: c.validFrom, act: c.act, cites: c.cites, participation: current?.participation });
    } else if (c.change === 'participation' && current && c.participating !== null) {
      parties.set(c.party, { ...current, participation: { participating: c.participating, since: c.validFrom, basis: c.act } });
    }
  }
  return [...parties.values()].sort((a, b) => a.party.localeCompare(b.party));
}
