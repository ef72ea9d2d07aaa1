import { describe, expect, it } from 'vitest';
import { consensus, everyone, outcome, packWith } from '../../../test/support/pack.js';

const optOut = { binding: false, cites: ['charter:3'] };
const limitedFormat = { cites: ['charter:3'] };

describe('consensus', () => {
  const pack = packWith(consensus({ optOut, limitedFormat }));

  it('adopts when every member agrees, binding all', () => {
    const d = outcome(pack, everyone(pack, 'yes'));
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'consensus', blockedBy: [], notBound: [] });
    expect(d.bound).toEqual(['AUT', 'BEL', 'CYP', 'DNK', 'EST', 'FIN']);
  });

  it('is blocked by one official objection, which is named', () => {
    const d = outcome(pack, { ...everyone(pack, 'yes'), CYP: 'no' });
    expect(d).toMatchObject({ outcome: 'rejected', reason: 'objection', blockedBy: ['CYP'], bound: [] });
  });

  it('lets a declared non-participant stand aside: it neither blocks nor is bound', () => {
    const d = outcome(pack, { ...everyone(pack, 'yes'), DNK: 'opt-out' });
    expect(d).toMatchObject({ outcome: 'adopted', notBound: ['DNK'], blockedBy: [] });
    expect(d.bound).not.toContain('DNK');
  });

  it('adopts in limited format over an absent member’s no-objection notice, which is cited', () => {
    const d = outcome(pack, { ...everyone(pack, 'yes'), AUT: 'no-objection' });
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'adopted-limited-format', notBound: ['AUT'] });
    expect(d.trace.some((t) => t.finding.includes('limited format') && t.cites.includes('charter:3'))).toBe(true);
  });

  it('flags a decision taken over a silent absence as contested and does not bind the absentee', () => {
    const d = outcome(pack, { AUT: 'yes', BEL: 'yes', CYP: 'yes', DNK: 'yes', EST: 'yes' });
    expect(d).toMatchObject({ outcome: 'contested', reason: 'silent-absence', notBound: ['FIN'] });
    expect(d.notify).toContain('FIN');
  });

  it('counts an abstention as no objection, and the abstainer is bound', () => {
    const d = outcome(pack, { ...everyone(pack, 'yes'), EST: 'abstain' });
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'consensus' });
    expect(d.bound).toContain('EST');
  });

  it('adopts nothing when nobody supports the draft', () => {
    expect(outcome(pack, everyone(pack, 'no-objection'))).toMatchObject({ outcome: 'rejected', reason: 'no-support' });
  });

  it('treats a non-participation declaration as absence where the rule provides none', () => {
    const strict = packWith(consensus());
    const d = outcome(strict, { ...everyone(strict, 'yes'), DNK: 'opt-out' });
    expect(d).toMatchObject({ outcome: 'contested', notBound: ['DNK'] });
  });

  it('binds a member that sent a no-objection notice where limited format is not provided', () => {
    const plain = packWith(consensus());
    const d = outcome(plain, { ...everyone(plain, 'yes'), AUT: 'no-objection' });
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'consensus', notBound: [] });
    expect(d.bound).toContain('AUT');
  });

  describe('silent absence policies', () => {
    const positions = { AUT: 'yes', BEL: 'yes', CYP: 'yes', DNK: 'yes', EST: 'yes' } as const;
    it('block: the silent absentee prevents consensus', () => {
      const d = outcome(packWith(consensus({ silentAbsence: { policy: 'block', cites: ['charter:4'] } })), positions);
      expect(d).toMatchObject({ outcome: 'rejected', reason: 'silent-absence', blockedBy: ['FIN'] });
    });
    it('open-for-accession: adopted by the others, the absentee may accede later', () => {
      const d = outcome(packWith(consensus({ silentAbsence: { policy: 'open-for-accession', cites: ['charter:4'] } })), positions);
      expect(d).toMatchObject({ outcome: 'adopted', reason: 'adopted-open-for-accession', notBound: ['FIN'] });
    });
    it('no-objection: absence is no objection and binds the absentee', () => {
      const d = outcome(packWith(consensus({ silentAbsence: { policy: 'no-objection', cites: ['charter:4'] } })), positions);
      expect(d).toMatchObject({ outcome: 'adopted', reason: 'consensus', notBound: [] });
      expect(d.bound).toContain('FIN');
    });
  });

  describe('consensus minus N', () => {
    const minusOne = packWith(consensus({ parties: { treatment: 'excluded', max: 1, cites: ['charter:3'] } }));
    it('adopts over the objection of the state concerned, which is set aside and still bound', () => {
      const d = outcome(minusOne, { ...everyone(minusOne, 'yes'), FIN: 'no' }, { parties: ['FIN'] });
      expect(d).toMatchObject({ outcome: 'adopted', blockedBy: [] });
      expect(d.bound).toContain('FIN');
      expect(d.tally).toMatchObject({ excluded: 1, entitled: 5 });
    });
    it('is still blocked by any other member', () => {
      const d = outcome(minusOne, { ...everyone(minusOne, 'yes'), AUT: 'no' }, { parties: ['FIN'] });
      expect(d).toMatchObject({ outcome: 'rejected', blockedBy: ['AUT'] });
    });
  });

  it('applies a quorum when the rule sets one', () => {
    const quorate = packWith(consensus({ quorum: { share: '2/3', of: 'members', strict: false, cites: ['charter:3'] }, silentAbsence: { policy: 'no-objection', cites: ['charter:4'] } }));
    expect(outcome(quorate, { AUT: 'yes', BEL: 'yes', CYP: 'yes' })).toMatchObject({ outcome: 'rejected', reason: 'no-quorum' });
    expect(outcome(quorate, { AUT: 'yes', BEL: 'yes', CYP: 'yes', DNK: 'abstain' })).toMatchObject({ outcome: 'adopted' });
  });
});
