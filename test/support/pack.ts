/**
 * Small packs built in code, so each primitive can be tested on exactly the rule it implements.
 */
import type { DecideInput, Ruling, PositionWord } from '../../src/core/procedure/index.js';
import { decide } from '../../src/core/procedure/index.js';
import type { Pack, PackRule } from '../../src/core/framework/index.js';

export const STATES = ['AUT', 'BEL', 'CYP', 'DNK', 'EST', 'FIN', 'GRC', 'HUN', 'IRL', 'LTU', 'MLT', 'NLD', 'POL', 'PRT', 'SWE'];

export function packWith(rule: PackRule, options: { members?: string[]; permanent?: string[]; population?: Record<string, number> } = {}): Pack {
  const members = options.members ?? STATES.slice(0, 6);
  const permanent = options.permanent ?? [];
  return {
    id: 'test',
    organization: {
      name: { en: 'Test Organization' },
      abbreviation: { en: 'TO' },
      founded: '2000-01-01',
      languages: { official: ['en'], working: ['en'] },
      depositary: 'Secretariat',
    },
    instruments: [
      {
        id: 'charter',
        kind: 'charter',
        title: { en: 'Charter' },
        source: 'test',
        articles: ['1', '2', '3', '4'].map((id) => ({ id, title: `Article ${id}`, summary: 'A provision.' })),
      },
    ],
    members: members.map((state) => ({ state, name: { en: state }, history: [{ status: 'member', from: '2000-01-01', act: 'founding' }] })),
    bodies: [
      {
        id: 'council',
        name: { en: 'Council' },
        cites: ['charter:1'],
        validFrom: '2000-01-01',
        composition:
          permanent.length > 0
            ? {
                kind: 'seats',
                permanent: permanent.map((state) => ({ state, validFrom: '2000-01-01' })),
                elected: members.filter((s) => !permanent.includes(s)).map((state) => ({ state, validFrom: '2000-01-01' })),
                cites: ['charter:1'],
              }
            : { kind: 'all-members' },
        questions: {
          substantive: {
            rule: rule.id,
            procedures: { vote: { cites: ['charter:2'] }, written: { cites: ['charter:2'] }, silence: { cites: ['charter:3'] } },
          },
        },
      },
    ],
    rules: [rule],
    data: options.population ? [{ table: 'population', validFrom: '2000-01-01', source: 'test', values: options.population }] : [],
  };
}

export const base: { id: string; title: string; validFrom: string; cites: string[] } = { id: 'rule', title: 'Rule', validFrom: '2000-01-01', cites: ['charter:4'] };

export function consensus(extra: Partial<Extract<PackRule, { primitive: 'consensus' }>> = {}): PackRule {
  return { ...base, primitive: 'consensus', silentAbsence: { policy: 'contested', cites: ['charter:4'] }, ...extra };
}

/** Decide on the test pack; fails the test on a refusal, since these tests are about outcomes. */
export function outcome(pack: Pack, positions: Record<string, PositionWord | { position: PositionWord; at?: string }>, input: Partial<DecideInput> = {}, now?: string): Ruling {
  const cast = Object.fromEntries(Object.entries(positions).map(([s, p]) => [s, typeof p === 'string' ? { position: p } : p]));
  const result = decide(pack, { body: 'council', question: 'substantive', procedure: 'vote', date: '2024-01-01', positions: cast, ...input }, { now });
  if (!result.ok) throw new Error(`refused: ${result.refusal.field}: ${result.refusal.message}`);
  return result.decision;
}

export function everyone(pack: Pack, word: PositionWord): Record<string, PositionWord> {
  return Object.fromEntries(pack.members.map((m) => [m.state, word]));
}

const DOUBLE_MAJORITY = [
  { measure: 'states', share: '55/100' },
  { measure: 'population', share: '65/100' },
];

/** The EU's double majority (Art. 16(4) TEU) with its Art. 238(3) TFEU recalculation. */
export function doubleMajority(extra: Partial<Extract<PackRule, { primitive: 'qualified-majority' }>> = {}): PackRule {
  return {
    ...base,
    primitive: 'qualified-majority',
    criteria: DOUBLE_MAJORITY,
    blockingMinority: { minimumStates: 4 },
    partialParticipation: { criteria: DOUBLE_MAJORITY, blockingMinority: { populationOver: '35/100', table: 'population', plus: 1 }, cites: ['charter:3'] },
    ...extra,
  };
}
