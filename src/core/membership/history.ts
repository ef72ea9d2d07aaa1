/**
 * The documented history of a pack as standing events: a reconstruction, recorded as known from
 * its own dates, so that "as known on" questions about the past still make sense.
 */
import type { Pack } from '../framework/index.js';
import type { Role, StandingEvent } from './standing.js';

export interface PartyHistory {
  readonly party: string;
  readonly events: readonly StandingEvent[];
}

export function historyFromPack(pack: Pack): PartyHistory[] {
  const parties: PartyHistory[] = pack.members.map((m) => {
    const standing = m.history.map((h): StandingEvent => ({
      type: 'StandingChanged',
      validAt: h.from,
      data: { role: 'member', status: h.status, act: inBothLanguages({ en: h.act, ru: h.actRu }), cites: h.cites ?? [], basis: { kind: 'pack-history' } },
    }));
    const participation = (m.participation ?? []).map((p): StandingEvent => ({
      type: 'ParticipationRecorded',
      validAt: p.from,
      data: { participating: p.participating, basis: inBothLanguages({ en: p.basis, ru: p.basisRu }) },
    }));
    return { party: m.state, events: byDate([...standing, ...participation]) };
  });
  for (const [role, list] of [
    ['observer', pack.observers ?? []],
    ['partner', pack.partners ?? []],
  ] as const) {
    for (const a of list) {
      parties.push({
        party: a.id,
        events: a.history.map((h): StandingEvent => ({
          type: 'StandingChanged',
          validAt: h.from,
          data: { role: role satisfies Role, status: h.status, act: inBothLanguages({ en: h.act, ru: h.actRu }), cites: h.cites ?? [], basis: { kind: 'pack-history' } },
        })),
      });
    }
  }
  return parties;
}

/** A recorded text in both working languages, as the secretariat's own records are written. */
export function inBothLanguages(text: { readonly en: string; readonly ru?: string | undefined }): string {
  return text.ru === undefined ? text.en : `${text.en} / ${text.ru}`;
}

/** Stable by date: events of one day keep the pack's order. */
function byDate(events: StandingEvent[]): StandingEvent[] {
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.validAt.localeCompare(b.e.validAt) || a.i - b.i).map(({ e }) => e);
}
