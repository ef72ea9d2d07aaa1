/**
 * The Council of the EU: double majority, its recalculation when not all take part, unanimity,
 * constructive abstention, and the Nice weighted votes before November 2014.
 */
import { describe, expect, it } from 'vitest';
import { compositionOn, findBody } from '../src/core/framework/index.js';
import { decide } from '../src/core/procedure/index.js';
import { cited, decideOn, shipped } from './support/shipped.js';

const pack = shipped('eu-council');
const council = findBody(pack, 'council');
if (!council) throw new Error('no council');
const eu27 = compositionOn(pack, council, '2025-03-01').members;
// Test figures, not the Council's: ten large states of 40 million, seventeen of 5 million (485 million).
const LARGE = ['DEU', 'FRA', 'ITA', 'ESP', 'POL', 'ROU', 'NLD', 'BEL', 'CZE', 'SWE'];
const population = Object.fromEntries(eu27.map((s) => [s, LARGE.includes(s) ? 40_000_000 : 5_000_000]));
const votes = (against: string[], word: 'no' | 'abstain' = 'no') => Object.fromEntries(eu27.map((s) => [s, against.includes(s) ? word : ('yes' as const)]));

describe('Council of the EU', () => {
  it('has 27 members from February 2020 and 28, the United Kingdom withdrawing, before', () => {
    expect(eu27).toHaveLength(27);
    expect(compositionOn(pack, council, '2019-06-01').members).toHaveLength(28);
    expect(compositionOn(pack, council, '2020-01-31').members).toContain('GBR');
    expect(compositionOn(pack, council, '2020-02-01').members).not.toContain('GBR');
  });

  it('qualified majority: adopted with 55 % of the states and 65 % of the population (Art. 16(4) TEU)', () => {
    const d = decideOn('eu-council', { body: 'council', question: 'qmv', date: '2025-03-01', data: { population }, positions: votes(['POL', 'HUN', 'SVK']) });
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'qualified-majority', blockedBy: [] });
    expect(cited(d)).toContain('teu:16(4)');
  });

  it('qualified majority: four large states holding more than 35 % of the population block it', () => {
    const d = decideOn('eu-council', { body: 'council', question: 'qmv', date: '2025-03-01', data: { population }, positions: votes(['DEU', 'FRA', 'ITA', 'ESP', 'POL']) });
    expect(d).toMatchObject({ outcome: 'rejected', reason: 'no-qualified-majority', blockedBy: [] });
  });

  it('qualified majority: three states cannot block, whatever their population', () => {
    const d = decideOn('eu-council', { body: 'council', question: 'qmv', date: '2025-03-01', data: { population: { ...population, DEU: 120_000_000, FRA: 100_000_000 } }, positions: votes(['DEU', 'FRA', 'ITA']) });
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'qualified-majority-deemed-attained' });
  });

  it('qualified majority: recalculated on the participating states when some take no part (Art. 238(3) TFEU)', () => {
    const participating = eu27.filter((s) => s !== 'DNK' && s !== 'IRL');
    const positions = Object.fromEntries(participating.map((s) => [s, s === 'HUN' ? ('no' as const) : ('yes' as const)]));
    const d = decideOn('eu-council', { body: 'council', question: 'qmv', date: '2025-03-01', members: participating, data: { population }, positions });
    expect(d).toMatchObject({ outcome: 'adopted', notBound: ['DNK', 'IRL'] });
    expect(d.notify).toHaveLength(27);
    expect(cited(d)).toContain('tfeu:238(3)');
  });

  it('reinforced qualified majority needs 72 % of the states', () => {
    const against = ['MLT', 'CYP', 'LUX', 'EST', 'LVA', 'SVN', 'LTU', 'HRV'];
    const q = { body: 'council', question: 'qmv-reinforced', date: '2025-03-01', data: { population } };
    expect(decideOn('eu-council', { ...q, positions: votes(against.slice(0, 7)) })).toMatchObject({ outcome: 'adopted' });
    expect(decideOn('eu-council', { ...q, positions: votes(against) })).toMatchObject({ outcome: 'rejected' });
  });

  it('names the missing population figure instead of guessing it', () => {
    const r = decide(pack, { body: 'council', question: 'qmv', procedure: 'vote', date: '2025-03-01', positions: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal.code).toBe('missing-data');
    expect(r.refusal.field).toMatch(/^data\.population\.[A-Z]{3}$/);
  });

  it('fills a partial year from the Council\'s recorded rows and asks only for the others', () => {
    const recorded = ['DEU', 'FRA', 'ITA', 'ESP', 'POL', 'ROU'];
    const r = decide(pack, { body: 'council', question: 'qmv', procedure: 'vote', date: '2022-06-01', positions: {}, data: { population: Object.fromEntries(Object.entries(population).filter(([s]) => !recorded.includes(s))) } });
    expect(r.ok).toBe(true);
    const missing = decide(pack, { body: 'council', question: 'qmv', procedure: 'vote', date: '2022-06-01', positions: {}, data: { population: Object.fromEntries(Object.entries(population).filter(([s]) => s !== 'MLT' && !recorded.includes(s))) } });
    expect(missing).toMatchObject({ ok: false, refusal: { field: 'data.population.MLT' } });
  });

  it('unanimity: an abstention does not prevent it (Art. 238(4) TFEU)', () => {
    const d = decideOn('eu-council', { body: 'council', question: 'unanimity', date: '2025-03-01', positions: votes(['HUN'], 'abstain') });
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'unanimity' });
    expect(d.bound).toContain('HUN');
  });

  it('unanimity: one vote against defeats it and is named', () => {
    expect(decideOn('eu-council', { body: 'council', question: 'unanimity', date: '2025-03-01', positions: votes(['HUN']) })).toMatchObject({ outcome: 'rejected', blockedBy: ['HUN'] });
  });

  it('CFSP: a constructive abstainer is not bound; a third of the states and population abstaining defeats the decision', () => {
    const one = decideOn('eu-council', { body: 'council', question: 'cfsp', date: '2025-03-01', data: { population }, positions: { ...votes([]), AUT: 'opt-out' } });
    expect(one).toMatchObject({ outcome: 'adopted', notBound: ['AUT'] });
    expect(cited(one)).toContain('teu:31(1)');
    const nine = LARGE.slice(0, 9);
    const many = decideOn('eu-council', { body: 'council', question: 'cfsp', date: '2025-03-01', data: { population }, positions: { ...votes([]), ...Object.fromEntries(nine.map((s) => [s, 'opt-out' as const])) } });
    expect(many).toMatchObject({ outcome: 'rejected', reason: 'constructive-abstention-threshold' });
  });

  it('procedural questions: a simple majority of the members, 14 of 27', () => {
    const q = { body: 'council', question: 'procedural', date: '2025-03-01' };
    const fourteen = Object.fromEntries(eu27.map((s, i) => [s, i < 14 ? ('yes' as const) : ('no' as const)]));
    const thirteen = Object.fromEntries(eu27.map((s, i) => [s, i < 13 ? ('yes' as const) : ('no' as const)]));
    expect(decideOn('eu-council', { ...q, positions: fourteen })).toMatchObject({ outcome: 'adopted' });
    expect(decideOn('eu-council', { ...q, positions: thirteen })).toMatchObject({ outcome: 'rejected' });
  });

  it('before November 2014: the Nice weighted votes, 255 of 345, and a majority of the members', () => {
    const eu27in2010 = compositionOn(pack, council, '2010-06-01').members;
    const q = { body: 'council', question: 'qmv', date: '2010-06-01' };
    // Germany (29) and Spain (27) against: 289 of 345 votes, 25 of 27 states.
    const two = Object.fromEntries(eu27in2010.map((s) => [s, s === 'DEU' || s === 'ESP' ? ('no' as const) : ('yes' as const)]));
    expect(decideOn('eu-council', { ...q, positions: two })).toMatchObject({ outcome: 'adopted' });
    // Germany, France, Italy (29 each) and Poland (27) against: 231 of 345 votes, below 255.
    const four = Object.fromEntries(eu27in2010.map((s) => [s, ['DEU', 'FRA', 'ITA', 'POL'].includes(s) ? ('no' as const) : ('yes' as const)]));
    const d = decideOn('eu-council', { ...q, positions: four });
    expect(d).toMatchObject({ outcome: 'rejected', reason: 'no-qualified-majority' });
    expect((d.tally as { criteria: unknown[] }).criteria).toContainEqual(expect.objectContaining({ measure: 'votes', yes: 231, total: 345 }) as unknown);
  });
});
