import { describe, expect, it } from 'vitest';
import type { PackRule } from '../framework/index.js';
import { base, everyone, outcome, packWith, STATES } from '../../../test/support/pack.js';

function majority(extra: Partial<Extract<PackRule, { primitive: 'majority' }>>): PackRule {
  return { ...base, primitive: 'majority', base: 'members', threshold: { share: '1/2', strict: true }, ...extra };
}

describe('majority', () => {
  const pack = packWith(majority({}), { members: STATES.slice(0, 7) });

  it('of members: 4 of 7 is more than half, 3 of 7 is not', () => {
    expect(outcome(pack, { AUT: 'yes', BEL: 'yes', CYP: 'yes', DNK: 'yes' })).toMatchObject({ outcome: 'adopted', reason: 'majority' });
    expect(outcome(pack, { AUT: 'yes', BEL: 'yes', CYP: 'yes', DNK: 'no' })).toMatchObject({ outcome: 'rejected', reason: 'majority-not-reached', blockedBy: [] });
  });

  it('of those present counts abstentions in the base but not absentees', () => {
    const present = packWith(majority({ base: 'present' }), { members: STATES.slice(0, 7) });
    expect(outcome(present, { AUT: 'yes', BEL: 'yes', CYP: 'no' })).toMatchObject({ outcome: 'adopted' });
    expect(outcome(present, { AUT: 'yes', BEL: 'yes', CYP: 'no', DNK: 'abstain' })).toMatchObject({ outcome: 'rejected' });
  });

  it('of those voting ignores abstentions', () => {
    const voting = packWith(majority({ base: 'voting' }), { members: STATES.slice(0, 7) });
    expect(outcome(voting, { AUT: 'yes', BEL: 'yes', CYP: 'no', DNK: 'abstain', EST: 'abstain' })).toMatchObject({ outcome: 'adopted' });
  });

  it('"at least" a share is met exactly at the share', () => {
    const twoThirds = packWith(majority({ threshold: { share: '2/3', strict: false } }));
    expect(outcome(twoThirds, { AUT: 'yes', BEL: 'yes', CYP: 'yes', DNK: 'yes', EST: 'no', FIN: 'no' })).toMatchObject({ outcome: 'adopted' });
    expect(outcome(twoThirds, { AUT: 'yes', BEL: 'yes', CYP: 'yes', DNK: 'no', EST: 'no', FIN: 'no' })).toMatchObject({ outcome: 'rejected' });
  });

  it('by a count of affirmative votes', () => {
    const nine = packWith(majority({ threshold: { count: 9 } }), { members: STATES });
    const yes = Object.fromEntries(STATES.slice(0, 9).map((s) => [s, 'yes' as const]));
    expect(outcome(nine, yes)).toMatchObject({ outcome: 'adopted' });
    expect(outcome(nine, { ...yes, AUT: 'abstain' })).toMatchObject({ outcome: 'rejected', reason: 'majority-not-reached' });
  });

  describe('with the veto of permanent members', () => {
    const veto = { holders: 'permanent' as const, abstentionIsVeto: false, absenceIsVeto: false, cites: ['charter:3'] };
    const council = packWith(majority({ threshold: { count: 9 }, veto }), { members: STATES, permanent: ['AUT', 'BEL', 'CYP', 'DNK', 'EST'] });
    const all = everyone(council, 'yes');

    it('a permanent member voting against vetoes a draft that has the votes', () => {
      const d = outcome(council, { ...all, BEL: 'no' });
      expect(d).toMatchObject({ outcome: 'rejected', reason: 'veto', blockedBy: ['BEL'] });
      expect(d.trace.some((t) => t.cites.includes('charter:3'))).toBe(true);
    });
    it('a permanent member abstaining is not a veto', () => {
      expect(outcome(council, { ...all, BEL: 'abstain' })).toMatchObject({ outcome: 'adopted' });
    });
    it('a permanent member absent is not a veto', () => {
      const rest = Object.fromEntries(Object.entries(all).filter(([s]) => s !== 'BEL'));
      expect(outcome(council, rest)).toMatchObject({ outcome: 'adopted' });
    });
    it('a negative vote on a draft that lacks the votes is not counted as a veto', () => {
      const few = { AUT: 'yes', BEL: 'no', CYP: 'yes' } as const;
      expect(outcome(council, few)).toMatchObject({ outcome: 'rejected', reason: 'majority-not-reached', blockedBy: [] });
    });
    it('an elected member voting against blocks nothing by itself', () => {
      expect(outcome(council, { ...all, POL: 'no' })).toMatchObject({ outcome: 'adopted' });
    });
    it('a party to the dispute does not vote, even a permanent member', () => {
      const parties = packWith(majority({ threshold: { count: 9 }, veto, parties: { treatment: 'excluded', cites: ['charter:2'] } }), {
        members: STATES,
        permanent: ['AUT', 'BEL', 'CYP', 'DNK', 'EST'],
      });
      const d = outcome(parties, { ...all, BEL: 'no' }, { parties: ['BEL'] });
      expect(d).toMatchObject({ outcome: 'adopted' });
      expect(d.trace.some((t) => t.finding.includes('BEL') && t.finding.includes('party'))).toBe(true);
    });
  });
});
