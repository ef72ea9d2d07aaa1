/**
 * How a party's standing is shown on the map and in its legend. Participation is a fact apart from
 * legal standing: a member that takes no part is still a member, drawn with its own mark.
 */
import type { PartyRole, PartyStanding } from '../api/types';

export const MAP_CATEGORIES = ['member', 'not-participating', 'suspended', 'withdrawal-pending', 'associate', 'former'] as const;
export type MapCategory = (typeof MAP_CATEGORIES)[number];

export function categoryOf(standing: PartyStanding): MapCategory {
  const category = statusCategory(standing);
  return category === 'member' && standing.participation?.participating === false ? 'not-participating' : category;
}

/** The category of a legal status alone, participation aside (a timeline's status band). */
export function statusCategory(standing: { readonly role: PartyRole; readonly status: string | null }): MapCategory {
  if (standing.role !== 'member') return standing.status === 'granted' ? 'associate' : 'former';
  switch (standing.status) {
    case 'member':
      return 'member';
    case 'suspended':
      return 'suspended';
    case 'withdrawal-pending':
      return 'withdrawal-pending';
    default:
      return 'former';
  }
}

/** The states drawn in colour and fitted into the frame: those still bound to the organization. */
export function isCurrent(category: MapCategory): boolean {
  return category !== 'former';
}

/** ISO 3166-1 alpha-3 to the numeric code the atlas uses, for the region the organization covers. */
export const NUMERIC_CODES: Readonly<Record<string, string>> = {
  AFG: '004',
  ARM: '051',
  AZE: '031',
  BLR: '112',
  CHN: '156',
  GEO: '268',
  IRN: '364',
  KAZ: '398',
  KGZ: '417',
  MDA: '498',
  MNG: '496',
  RUS: '643',
  SRB: '688',
  TJK: '762',
  TKM: '795',
  UKR: '804',
  UZB: '860',
};
