/**
 * NATO, the OSCE and the UN Security Council: the comparators the engine must express.
 */
import { describe, expect, it } from 'vitest';
import { compositionOn, findBody } from '../src/core/framework/index.js';
import { cited, decideOn, shipped } from './support/shipped.js';

function membersOf(pack: string, body: string, date: string): readonly string[] {
  const p = shipped(pack);
  const b = findBody(p, body);
  if (!b) throw new Error(`no ${body}`);
  return compositionOn(p, b, date).members;
}
const all = (states: readonly string[], word: 'yes' | 'no' | 'abstain') => Object.fromEntries(states.map((s) => [s, word]));

describe('UN Security Council (Charter Art. 27)', () => {
  const sc = { body: 'security-council', question: 'substantive', date: '2022-02-25' };
  const council2022 = membersOf('un-security-council', 'security-council', '2022-02-25');

  it('knows the fifteen members of each year', () => {
    expect(council2022).toEqual(['ALB', 'ARE', 'BRA', 'CHN', 'FRA', 'GAB', 'GBR', 'GHA', 'IND', 'IRL', 'KEN', 'MEX', 'NOR', 'RUS', 'USA']);
    for (let year = 2011; year <= 2026; year++) expect(membersOf('un-security-council', 'security-council', `${year}-07-01`)).toHaveLength(15);
  });

  it('a permanent member voting against a draft with nine votes vetoes it', () => {
    const d = decideOn('un-security-council', { ...sc, positions: { ...all(council2022, 'yes'), RUS: 'no', CHN: 'abstain' } });
    expect(d).toMatchObject({ outcome: 'rejected', reason: 'veto', blockedBy: ['RUS'] });
    expect(cited(d)).toContain('un-charter:27(3)');
  });

  it('a permanent member abstaining does not veto', () => {
    expect(decideOn('un-security-council', { ...sc, positions: { ...all(council2022, 'yes'), CHN: 'abstain', RUS: 'abstain' } })).toMatchObject({ outcome: 'adopted' });
  });

  it('1950: the absence of a permanent member is not a veto', () => {
    const council1950 = membersOf('un-security-council', 'security-council', '1950-06-27');
    expect(council1950).toHaveLength(11);
    const positions = Object.fromEntries(council1950.filter((s) => s !== 'RUS').map((s) => [s, 'yes' as const]));
    const d = decideOn('un-security-council', { body: 'security-council', question: 'substantive', date: '1950-06-27', positions });
    expect(d).toMatchObject({ outcome: 'adopted' });
  });

  it('before 1965 seven votes sufficed for a procedural question; after, nine', () => {
    const council1955 = membersOf('un-security-council', 'security-council', '1955-06-01');
    const seven = Object.fromEntries(council1955.map((s, i) => [s, i < 7 ? ('yes' as const) : ('no' as const)]));
    expect(decideOn('un-security-council', { body: 'security-council', question: 'procedural', date: '1955-06-01', positions: seven })).toMatchObject({ outcome: 'adopted' });
    const council2015 = membersOf('un-security-council', 'security-council', '2015-06-01');
    const eight = Object.fromEntries(council2015.map((s, i) => [s, i < 8 ? ('yes' as const) : ('abstain' as const)]));
    expect(decideOn('un-security-council', { body: 'security-council', question: 'procedural', date: '2015-06-01', positions: eight })).toMatchObject({ outcome: 'rejected', reason: 'majority-not-reached' });
  });

  it('a procedural vote cannot be vetoed', () => {
    const d = decideOn('un-security-council', { ...sc, question: 'procedural', positions: { ...all(council2022, 'yes'), RUS: 'no' } });
    expect(d).toMatchObject({ outcome: 'adopted' });
  });

  it('a party to a dispute abstains under Chapter VI, even a permanent member', () => {
    const d = decideOn('un-security-council', { ...sc, parties: ['RUS'], positions: { ...all(council2022, 'yes'), RUS: 'no' } });
    expect(d).toMatchObject({ outcome: 'adopted', blockedBy: [] });
    expect(d.tally).toMatchObject({ excluded: 1 });
  });
});

describe('NATO', () => {
  const nac = { body: 'north-atlantic-council', question: 'substantive', date: '2024-06-01' };

  it('has 32 allies since Sweden joined in March 2024', () => {
    expect(membersOf('nato', 'north-atlantic-council', '2024-06-01')).toHaveLength(32);
    expect(membersOf('nato', 'north-atlantic-council', '2023-06-01')).toHaveLength(31);
  });

  it('decides by consensus: one ally’s objection blocks', () => {
    const allies = membersOf('nato', 'north-atlantic-council', '2024-06-01');
    expect(decideOn('nato', { ...nac, positions: { ...all(allies, 'yes'), TUR: 'no' } })).toMatchObject({ outcome: 'rejected', blockedBy: ['TUR'] });
  });

  it('silence procedure: no objection by the deadline means adoption', () => {
    const d = decideOn('nato', { ...nac, procedure: 'silence', deadline: '2024-06-03T10:00:00Z', positions: {} }, '2024-06-04T00:00:00Z');
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'silence-kept' });
    expect(d.bound).toHaveLength(32);
  });

  it('silence procedure: pending until the deadline passes', () => {
    const d = decideOn('nato', { ...nac, procedure: 'silence', deadline: '2024-06-03T10:00:00Z', positions: {} }, '2024-06-02T00:00:00Z');
    expect(d).toMatchObject({ outcome: 'pending', reason: 'silence-running' });
  });
});

describe('OSCE', () => {
  const pc = { body: 'permanent-council', question: 'substantive', date: '2024-03-07' };
  const states = () => membersOf('osce', 'permanent-council', '2024-03-07');

  it('has 57 participating States', () => {
    expect(states()).toHaveLength(57);
  });

  it('consensus is the absence of objection: silent States do not prevent it', () => {
    expect(decideOn('osce', { ...pc, positions: { USA: 'yes' } })).toMatchObject({ outcome: 'adopted', notBound: [] });
  });

  it('consensus-minus-one sets aside the State concerned, but not a second objector', () => {
    expect(decideOn('osce', { ...pc, parties: ['RUS'], positions: { USA: 'yes', RUS: 'no' } })).toMatchObject({ outcome: 'adopted', reason: 'consensus-minus-1' });
    expect(decideOn('osce', { ...pc, parties: ['RUS'], positions: { USA: 'yes', RUS: 'no', BLR: 'no' } })).toMatchObject({ outcome: 'rejected', blockedBy: ['BLR'] });
  });

  it('consensus-minus-two in the Ministerial Council for two disputing States', () => {
    const d = decideOn('osce', { body: 'ministerial-council', question: 'substantive', date: '2024-12-05', parties: ['ARM', 'AZE'], positions: { USA: 'yes', ARM: 'no', AZE: 'no' } });
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'consensus-minus-2' });
  });
});
