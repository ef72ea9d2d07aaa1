import { describe, expect, it } from 'vitest';
import type { PackRule } from '../framework/index.js';
import { base, everyone, outcome, packWith, STATES } from '../../../test/support/pack.js';

function unanimity(extra: Partial<Extract<PackRule, { primitive: 'unanimity' }>> = {}): PackRule {
  return { ...base, primitive: 'unanimity', abstentionBlocks: false, absenceBlocks: false, ...extra };
}

describe('unanimity', () => {
  it('is defeated by any vote against, and names the member', () => {
    const pack = packWith(unanimity());
    expect(outcome(pack, { ...everyone(pack, 'yes'), EST: 'no' })).toMatchObject({ outcome: 'rejected', reason: 'vote-against', blockedBy: ['EST'] });
  });

  it('is not prevented by an abstention where the rule says so (Art. 238(4) TFEU)', () => {
    const pack = packWith(unanimity());
    const d = outcome(pack, { ...everyone(pack, 'yes'), EST: 'abstain' });
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'unanimity' });
    expect(d.bound).toContain('EST');
  });

  it('is prevented by an abstention where the rule says so', () => {
    const pack = packWith(unanimity({ abstentionBlocks: true }));
    expect(outcome(pack, { ...everyone(pack, 'yes'), EST: 'abstain' })).toMatchObject({ outcome: 'rejected', reason: 'abstention', blockedBy: ['EST'] });
  });

  it('is prevented by an absence where the rule needs every member', () => {
    const pack = packWith(unanimity({ absenceBlocks: true }));
    expect(outcome(pack, { AUT: 'yes', BEL: 'yes', CYP: 'yes', DNK: 'yes', EST: 'yes' })).toMatchObject({ outcome: 'rejected', reason: 'absence', blockedBy: ['FIN'] });
  });

  describe('constructive abstention', () => {
    // Ten members; AUT..BEL hold most of the population.
    const population = Object.fromEntries(STATES.slice(0, 10).map((s, i) => [s, i < 2 ? 400 : 25]));
    const pack = packWith(
      unanimity({ constructiveAbstention: { statesShare: '1/3', populationShare: '1/3', table: 'population', cites: ['charter:3'] } }),
      { members: STATES.slice(0, 10), population },
    );
    const all = everyone(pack, 'yes');

    it('releases the declarant from applying the decision without stopping it', () => {
      const d = outcome(pack, { ...all, AUT: 'opt-out' });
      expect(d).toMatchObject({ outcome: 'adopted', notBound: ['AUT'] });
    });

    it('fails when declarants reach a third of the states and a third of the population', () => {
      // AUT, BEL, CYP, DNK: 4 of 10 states, 850 of 1000 people.
      const d = outcome(pack, { ...all, AUT: 'opt-out', BEL: 'opt-out', CYP: 'opt-out', DNK: 'opt-out' });
      expect(d).toMatchObject({ outcome: 'rejected', reason: 'constructive-abstention-threshold', blockedBy: [] });
    });

    it('does not fail on a third of the states alone', () => {
      // Four small states: 4 of 10 states but 100 of 1000 people.
      const d = outcome(pack, { ...all, CYP: 'opt-out', DNK: 'opt-out', EST: 'opt-out', FIN: 'opt-out' });
      expect(d).toMatchObject({ outcome: 'adopted', notBound: ['CYP', 'DNK', 'EST', 'FIN'] });
    });
  });
});
