/**
 * Reading a pack as of a date: which rule, body, table and standing applied on that day.
 */
import type { DataTableSpec, MemberStatusValue, Pack, PackBody, PackMember, PackQuestion, PackRule } from './schema.js';

interface Dated {
  readonly validFrom: string;
  readonly validTo?: string | undefined;
}

export function inForce(item: Dated, date: string): boolean {
  return item.validFrom <= date && (item.validTo === undefined || date <= item.validTo);
}

export function findBody(pack: Pack, id: string): PackBody | undefined {
  return pack.bodies.find((b) => b.id === id);
}

/** A question the body decides; only its own: "constructor" or "__proto__" is no question. */
export function questionOf(body: PackBody | undefined, id: string): PackQuestion | undefined {
  return body && Object.hasOwn(body.questions, id) ? body.questions[id] : undefined;
}

/** The terms of a procedure the question allows, if it allows it. */
export function procedureOf(question: PackQuestion | undefined, word: keyof PackQuestion['procedures']): PackQuestion['procedures'][typeof word] {
  return question && Object.hasOwn(question.procedures, word) ? question.procedures[word] : undefined;
}

export function ruleInForce(pack: Pack, id: string, date: string): PackRule | undefined {
  return pack.rules.find((r) => r.id === id && inForce(r, date));
}

export function tableInForce(pack: Pack, table: string, date: string): DataTableSpec | undefined {
  return (pack.data ?? []).find((t) => t.table === table && inForce(t, date));
}

const figureMaps = new WeakMap<DataTableSpec, ReadonlyMap<string, number>>();

/** A table's values as a map, built once per table. */
export function figuresOf(table: DataTableSpec | undefined): ReadonlyMap<string, number> {
  if (!table) return new Map();
  let figures = figureMaps.get(table);
  if (!figures) figureMaps.set(table, (figures = new Map(Object.entries(table.values))));
  return figures;
}

/** The standing recorded for a member on a date, or undefined before its first entry. */
export function statusOn(member: PackMember, date: string): MemberStatusValue | undefined {
  let status: MemberStatusValue | undefined;
  for (const entry of member.history) {
    if (entry.from > date) break;
    status = entry.status;
  }
  return status;
}

/** A withdrawing member keeps its seat until the withdrawal takes effect. */
export function sitsAsMember(status: MemberStatusValue | undefined): boolean {
  return status === 'member' || status === 'withdrawal-pending';
}

export interface Composition {
  /** Every state with a seat on the body that day, sorted. */
  readonly members: readonly string[];
  /** The permanent seats among them (empty where the body has none). */
  readonly permanent: readonly string[];
}

// Packs are immutable once loaded, so a body's composition on a day is computed once.
const compositions = new WeakMap<PackBody, Map<string, Composition>>();

export function compositionOn(pack: Pack, body: PackBody, date: string): Composition {
  let byDate = compositions.get(body);
  if (!byDate) compositions.set(body, (byDate = new Map<string, Composition>()));
  const known = byDate.get(date);
  if (known) return known;
  const composition = computeComposition(pack, body, date);
  byDate.set(date, composition);
  return composition;
}

function computeComposition(pack: Pack, body: PackBody, date: string): Composition {
  if (body.composition.kind === 'all-members') {
    const members = pack.members.filter((m) => sitsAsMember(statusOn(m, date))).map((m) => m.state);
    return { members: members.sort(), permanent: [] };
  }
  const permanent = body.composition.permanent.filter((t) => inForce(t, date)).map((t) => t.state);
  const elected = body.composition.elected.filter((t) => inForce(t, date)).map((t) => t.state);
  return { members: [...new Set([...permanent, ...elected])].sort(), permanent: permanent.sort() };
}

export function memberName(pack: Pack, state: string, language: 'en' | 'ru' = 'en'): string {
  const member = pack.members.find((m) => m.state === state);
  if (!member) return state;
  return (language === 'ru' ? member.name.ru : undefined) ?? member.name.en;
}

/**
 * The state chairing in the calendar year of `date`, rotating through the members of that day in
 * the pack's alphabetical order from the documented anchor year.
 */
export function chairOn(pack: Pack, date: string): string | undefined {
  const rule = pack.organization.chairmanship;
  if (!rule) return undefined;
  const language = rule.order === 'alphabetical-ru' ? 'ru' : 'en';
  const collator = new Intl.Collator(language);
  const order = pack.members
    .filter((m) => sitsAsMember(statusOn(m, date)))
    .map((m) => m.state)
    .sort((a, b) => collator.compare(memberName(pack, a, language), memberName(pack, b, language)));
  const year = Number(date.slice(0, 4));
  // Before the anchor the membership differed and the practice is undocumented: no guess.
  const start = order.indexOf(rule.anchor.state);
  if (start < 0 || year < rule.anchor.year) return undefined;
  const n = order.length;
  return order[(((start + year - rule.anchor.year) % n) + n) % n];
}
