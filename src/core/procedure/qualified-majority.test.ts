import { describe, expect, it } from 'vitest';
import { doubleMajority, outcome, packWith, STATES } from '../../../test/support/pack.js';

// 15 members; population 100 each except AUT (700) and BEL (500): total 2600.
const population = Object.fromEntries(STATES.map((s) => [s, s === 'AUT' ? 700 : s === 'BEL' ? 500 : 100]));

const qmv = doubleMajority;

const votes = (yes: string[]) => Object.fromEntries(STATES.map((s) => [s, yes.includes(s) ? ('yes' as const) : ('no' as const)]));

describe('qualified majority', () => {
  const pack = packWith(qmv(), { members: STATES, population });

  it('is reached with 55 % of the states holding 65 % of the population', () => {
    // AUT, BEL + 7 others: 9 of 15 states (60 %), 1900 of 2600 people (73 %).
    const d = outcome(pack, votes(STATES.slice(0, 9)));
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'qualified-majority' });
  });

  it('is missed when the population criterion fails and four or more members are against', () => {
    // Everyone but AUT and BEL and two more: 11 of 15 states, 1100 of 2600 people.
    const d = outcome(pack, votes(STATES.slice(4)));
    expect(d).toMatchObject({ outcome: 'rejected', reason: 'no-qualified-majority', blockedBy: [] });
  });

  it('is deemed attained when fewer than four members stand against it', () => {
    // Only AUT, BEL and CYP against: 12 of 15 states but 1200 of 2600 people (46 %).
    const d = outcome(pack, votes(STATES.slice(3)));
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'qualified-majority-deemed-attained' });
  });

  it('counts an abstention as not in favour', () => {
    const d = outcome(pack, { ...votes(STATES.slice(0, 9)), CYP: 'abstain', DNK: 'abstain' });
    expect(d).toMatchObject({ outcome: 'rejected' });
  });

  it('recalculates on the participating members when some do not take part (Art. 238(3))', () => {
    // Without AUT: 14 members, 1900 people. Blocking minority: BEL + 2 = more than 35 % (665), so 3 + 1 = 4 members.
    const participating = STATES.filter((s) => s !== 'AUT');
    const yes = participating.slice(0, 10); // BEL + 9: 10 of 14, 1400 of 1900 (73.7 %)
    const d = outcome(pack, Object.fromEntries(participating.map((s) => [s, yes.includes(s) ? 'yes' : 'no'])), { members: participating });
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'qualified-majority', notBound: ['AUT'] });
    expect(d.notify).toContain('AUT');
    expect(d.trace.some((t) => t.cites.includes('charter:3') && t.finding.includes('recalculated'))).toBe(true);
  });

  it('applies the recalculated blocking minority when not all take part', () => {
    const participating = STATES.filter((s) => s !== 'AUT');
    // BEL, CYP, DNK against (700 of 1900 = 36.8 %): three members, fewer than the four needed to block.
    const against = ['BEL', 'CYP', 'DNK'];
    const d = outcome(pack, Object.fromEntries(participating.map((s) => [s, against.includes(s) ? 'no' : 'yes'])), { members: participating });
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'qualified-majority-deemed-attained' });
    expect(d.tally).toMatchObject({ blockingMinimum: 4 });
  });

  it('enforces a minimum number of states', () => {
    const minimum = packWith(qmv({ criteria: [{ measure: 'states', share: '55/100', minimum: 10 }, { measure: 'population', share: '65/100' }] }), { members: STATES, population });
    expect(outcome(minimum, votes(STATES.slice(0, 9)))).toMatchObject({ outcome: 'rejected' });
  });

  it('takes population figures from the question over the pack', () => {
    const d = outcome(pack, votes(STATES.slice(0, 9)), { data: { population: { AUT: 1, BEL: 1 } } });
    expect(d).toMatchObject({ outcome: 'rejected' });
  });

  it('triple majority: weighted votes, states and population on request', () => {
    const weights = Object.fromEntries(STATES.map((s) => [s, s === 'AUT' ? 10 : 3]));
    const triple = packWith(
      qmv({
        criteria: [
          { measure: 'votes', share: '255/345' },
          { measure: 'states', share: '1/2' },
          { measure: 'population', share: '62/100', onRequest: true },
        ],
        blockingMinority: undefined,
        partialParticipation: undefined,
      }),
      { members: STATES, population },
    );
    triple.data = [...(triple.data ?? []), { table: 'votes', validFrom: '2000-01-01', source: 'test', values: weights }];
    // AUT + 11 others: 43 of 52 votes (82.7 %), 12 of 15 states; population 1800/2600 (69 %).
    expect(outcome(triple, votes(STATES.slice(0, 12)))).toMatchObject({ outcome: 'adopted' });
    // Without AUT: 36 of 52 votes (69 %) is below 255/345 (73.9 %).
    expect(outcome(triple, votes(STATES.slice(1, 13)))).toMatchObject({ outcome: 'rejected' });
  });
});
