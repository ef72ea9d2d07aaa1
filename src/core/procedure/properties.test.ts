/**
 * Rules that must hold for every combination of positions, not just the ones we thought of.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base, consensus, doubleMajority, outcome, packWith, STATES } from '../../../test/support/pack.js';
import { inContractWords, meetsShare, parseShare, POSITION_WORDS, type PositionWord } from './index.js';

const word = fc.constantFrom<PositionWord>(...POSITION_WORDS);
const positionsOf = (states: readonly string[]) => fc.tuple(...states.map(() => word)).map((ws) => Object.fromEntries(states.map((s, i) => [s, ws[i] as PositionWord])));

const veto = { holders: 'permanent' as const, abstentionIsVeto: false, absenceIsVeto: false, cites: ['charter:3'] };
const PERMANENT = STATES.slice(0, 5);
const council = packWith({ ...base, primitive: 'majority', base: 'members', threshold: { count: 9 }, veto }, { members: STATES, permanent: PERMANENT });
const population = Object.fromEntries(STATES.map((s, i) => [s, 1000 * (i + 1)]));
const qmvRule = doubleMajority({ partialParticipation: undefined });
const packs = {
  consensus: packWith(consensus({ optOut: { binding: false, cites: ['charter:3'] }, limitedFormat: { cites: ['charter:3'] } })),
  unanimity: packWith({ ...base, primitive: 'unanimity', abstentionBlocks: false, absenceBlocks: false }),
  council,
  qmv: packWith(qmvRule, { members: STATES, population }),
};

describe('invariants of every rule', () => {
  for (const [name, pack] of Object.entries(packs)) {
    const states = pack.members.map((m) => m.state);
    it(`${name}: bound and notBound are disjoint, both within notify; blockedBy within the body; a rejection binds nobody`, () => {
      fc.assert(
        fc.property(positionsOf(states), (positions) => {
          const d = outcome(pack, positions);
          expect(d.bound.filter((s) => d.notBound.includes(s))).toEqual([]);
          for (const s of [...d.bound, ...d.notBound, ...d.blockedBy]) expect(d.notify).toContain(s);
          if (d.outcome === 'rejected') expect(d.bound).toEqual([]);
          if (d.blockedBy.length > 0) expect(d.outcome).toBe('rejected');
          expect(d.trace.every((t) => t.cites.length > 0)).toBe(true);
          // Every finding is said in Russian too, and the contract's answer keeps to English.
          for (const t of d.trace) expect(t.findingRu, t.finding).toMatch(/[а-яё]{3}/i);
          expect(inContractWords(d).trace.every((t) => Object.keys(t).join() === 'rule,cites,finding')).toBe(true);
        }),
      );
    });
    it(`${name}: the order in which positions arrive does not matter`, () => {
      fc.assert(
        fc.property(positionsOf(states), (positions) => {
          const reversed = Object.fromEntries(Object.entries(positions).reverse());
          expect(outcome(pack, reversed)).toEqual(outcome(pack, positions));
        }),
      );
    });
  }
});

describe('consensus', () => {
  const pack = packs.consensus;
  const states = pack.members.map((m) => m.state);
  it('a "no" from an entitled member always rejects, and that member is among the blockers', () => {
    fc.assert(
      fc.property(positionsOf(states), fc.constantFrom(...states), (positions, objector) => {
        const d = outcome(pack, { ...positions, [objector]: 'no' });
        expect(d.outcome).toBe('rejected');
        expect(d.blockedBy).toContain(objector);
      }),
    );
  });
  it('a silent absence is never counted as consent: the absentee is never bound', () => {
    fc.assert(
      fc.property(positionsOf(states), fc.constantFrom(...states), (positions, absentee) => {
        const d = outcome(pack, { ...positions, [absentee]: 'absent' });
        expect(d.bound).not.toContain(absentee);
      }),
    );
  });
});

describe('permanent members’ veto', () => {
  const states = STATES;
  it('a permanent member’s abstention never turns an adopted draft into a rejected one', () => {
    fc.assert(
      fc.property(positionsOf(states), fc.constantFrom(...PERMANENT), (positions, member) => {
        const asAbsent = outcome(council, { ...positions, [member]: 'absent' });
        const asAbstaining = outcome(council, { ...positions, [member]: 'abstain' });
        expect(asAbstaining.outcome).toBe(asAbsent.outcome);
        expect(asAbstaining.blockedBy).not.toContain(member);
      }),
    );
  });
  it('nine votes in favour and no permanent member against always adopts', () => {
    fc.assert(
      fc.property(positionsOf(states), (positions) => {
        const yes = Object.values(positions).filter((p) => p === 'yes').length;
        const vetoed = PERMANENT.some((s) => positions[s] === 'no');
        const d = outcome(council, positions);
        if (yes >= 9 && !vetoed) expect(d.outcome).toBe('adopted');
        if (yes >= 9 && vetoed) expect(d.blockedBy).toEqual(PERMANENT.filter((s) => positions[s] === 'no'));
        if (yes < 9) expect(d.outcome).toBe('rejected');
      }),
    );
  });
});

describe('monotonicity', () => {
  for (const name of ['council', 'qmv'] as const) {
    const pack = packs[name];
    const states = pack.members.map((m) => m.state);
    it(`${name}: turning a vote into a "yes" never turns adoption into rejection`, () => {
      fc.assert(
        fc.property(positionsOf(states), fc.constantFrom(...states), (positions, convert) => {
          const before = outcome(pack, positions);
          const after = outcome(pack, { ...positions, [convert]: 'yes' });
          if (before.outcome === 'adopted') expect(after.outcome).toBe('adopted');
        }),
      );
    });
  }
});

describe('thresholds in integers', () => {
  const sixtyFive = parseShare('65/100');
  it('65 % is met at exactly 65 % and missed one person below', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25_000_000 }), (twentieths) => {
        const total = twentieths * 20;
        const exact = (total / 20) * 13;
        expect(meetsShare(exact, total, sixtyFive, false)).toBe(true);
        expect(meetsShare(exact - 1, total, sixtyFive, false)).toBe(false);
        expect(meetsShare(exact, total, sixtyFive, true)).toBe(false);
      }),
    );
  });
  it('agrees with exact rational comparison for any part, whole and share', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1 }), fc.nat({ max: 1000 }), fc.integer({ min: 1, max: 1000 }), (part, whole, num, den) => {
        const expected = BigInt(part) * BigInt(den) >= BigInt(num) * BigInt(whole);
        expect(meetsShare(part, whole, parseShare(`${num}/${den}`), false)).toBe(expected);
      }),
    );
  });
  it('a qualified majority holding exactly 65 % of the population passes, one person fewer fails', () => {
    // Twenty states: the first 11 (55 %) hold 6500 of 10000 people exactly.
    const twenty = [...STATES, 'ITA', 'LVA', 'LUX', 'ROU', 'SVK'];
    const people = Object.fromEntries(twenty.map((s, i) => [s, i < 11 ? (i === 0 ? 500 : 600) : i === 19 ? 300 : 400]));
    const yes = Object.fromEntries(twenty.map((s, i) => [s, i < 11 ? ('yes' as const) : ('no' as const)]));
    const pack = packWith(qmvRule, { members: twenty, population: people });
    expect(outcome(pack, yes)).toMatchObject({ outcome: 'adopted' });
    const short = packWith(qmvRule, { members: twenty, population: { ...people, AUT: (people.AUT ?? 0) - 1, ITA: (people.ITA ?? 0) + 1 } });
    expect(outcome(short, yes)).toMatchObject({ outcome: 'rejected', reason: 'no-qualified-majority' });
  });
});
