/**
 * The documented history of the CSTO, replayed through the engine (sources in the pack).
 */
import { describe, expect, it } from 'vitest';
import { chairOn, compositionOn, findBody } from '../src/core/framework/index.js';
import { decide } from '../src/core/procedure/index.js';
import { cited, decideOn, shipped } from './support/shipped.js';

const CSC = 'collective-security-council';
const five = { BLR: 'yes', KAZ: 'yes', KGZ: 'yes', RUS: 'yes', TJK: 'yes' } as const;

describe('CSTO documented history', () => {
  it('Moscow, June 2009: Belarus’ note that its absence means non-approval is an objection; no consensus', () => {
    const d = decideOn('csto', {
      body: CSC,
      question: 'substantive',
      date: '2009-06-14',
      positions: { ARM: 'yes', KAZ: 'yes', KGZ: 'yes', RUS: 'yes', TJK: 'yes', UZB: 'abstain', BLR: 'no' },
    });
    expect(d).toMatchObject({ outcome: 'rejected', reason: 'objection', blockedBy: ['BLR'] });
    expect(cited(d)).toContain('charter:12');
    expect(d.notify).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']);
  });

  it('Minsk, November 2023: decisions taken without Armenia are contested, not binding on it, and sent to it', () => {
    const d = decideOn('csto', { body: CSC, question: 'substantive', date: '2023-11-23', positions: five });
    expect(d).toMatchObject({ outcome: 'contested', reason: 'silent-absence', notBound: ['ARM'], blockedBy: [] });
    expect(d.bound).toEqual(['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']);
    expect(d.notify).toContain('ARM');
    expect(cited(d)).toEqual(expect.arrayContaining(['charter:12', 'csto-practice:silent-absence', 'csto-practice:informing-members']));
  });

  it('the 2024 budget: adopted in limited format over Armenia’s no-objection, Armenia not bound', () => {
    const d = decideOn('csto', { body: CSC, question: 'substantive', date: '2023-11-23', positions: { ...five, ARM: 'no-objection' } });
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'adopted-limited-format', notBound: ['ARM'] });
    expect(cited(d)).toContain('csto-practice:limited-format');
    // And in Russian, for a member whose authorities read it so.
    expect(d.trace.map((t) => t.findingRu)).toEqual([
      'Совет коллективной безопасности на 2023-11-23: 6 членов (ARM, BLR, KAZ, KGZ, RUS, TJK).',
      'Вопросы существа: Консенсус с заявлениями о незаинтересованности и ограниченным форматом (действует с 2010-12-10); процедура: голосование.',
      'ARM: неучастие с уведомлением об отсутствии возражений; остальные могут принять решение в ограниченном формате, без участия ARM.',
    ]);
  });

  it('Almaty, 31 May 2024: the defence ministers adopt in limited format', () => {
    const d = decideOn('csto', { body: 'council-of-defence-ministers', question: 'substantive', date: '2024-05-31', positions: { ...five, ARM: 'no-objection' } });
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'adopted-limited-format', notBound: ['ARM'] });
  });

  it('6 January 2022: the Council decides on Kazakhstan’s request by consensus, binding all six', () => {
    const d = decideOn('csto', { body: CSC, question: 'substantive', date: '2022-01-06', positions: { ...five, ARM: 'yes' } });
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'consensus', notBound: [] });
    expect(d.bound).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']);
    expect(chairOn(shipped('csto'), '2022-01-06')).toBe('ARM');
  });

  it('12 January 2022: the termination draft circulated in writing is open until replies are in, then adopted', () => {
    const question = { body: CSC, question: 'substantive', procedure: 'written' as const, date: '2022-01-12', deadline: '2022-01-13T12:00:00Z' };
    const early = decideOn('csto', { ...question, positions: { RUS: 'yes', KAZ: 'yes' } }, '2022-01-12T18:00:00Z');
    expect(early).toMatchObject({ outcome: 'pending', reason: 'awaiting-replies' });
    expect(cited(early)).toContain('csto-practice:written-circulation');
    const done = decideOn('csto', { ...question, positions: { ...five, ARM: 'yes' } }, '2022-01-12T18:00:00Z');
    expect(done).toMatchObject({ outcome: 'adopted', reason: 'consensus' });
  });

  it('19 December 2012: Uzbekistan is suspended by consensus minus the state concerned', () => {
    // The registry records the suspension from the day of the decision, so the Council that took it
    // is given explicitly: the seven members sitting when the session opened.
    const members = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB'];
    const d = decideOn('csto', { body: CSC, question: 'substantive', date: '2012-12-19', members, parties: ['UZB'], positions: { ...five, ARM: 'yes', UZB: 'no' } });
    expect(d).toMatchObject({ outcome: 'adopted', blockedBy: [] });
    expect(d.tally).toMatchObject({ excluded: 1, entitled: 6 });
    expect(cited(d)).toContain('regulations-2004:suspension-expulsion');
  });

  it('after the suspension Uzbekistan no longer sits on the Council, and a position in its name is refused', () => {
    const result = decide(shipped('csto'), { body: CSC, question: 'substantive', procedure: 'vote', date: '2013-01-01', positions: { UZB: { position: 'yes' } } });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'not-on-body', field: 'positions.UZB' } });
  });

  it('a declaration of non-interest exists only from December 2010', () => {
    const before = decideOn('csto', { body: CSC, question: 'substantive', date: '2009-06-14', positions: { ARM: 'yes', BLR: 'yes', KAZ: 'yes', KGZ: 'yes', RUS: 'yes', TJK: 'yes', UZB: 'opt-out' } });
    expect(before).toMatchObject({ outcome: 'contested' });
    const after = decideOn('csto', { body: CSC, question: 'substantive', date: '2011-06-14', positions: { ...five, ARM: 'yes', UZB: 'opt-out' } });
    expect(after).toMatchObject({ outcome: 'adopted', notBound: ['UZB'] });
    expect(cited(after)).toContain('csto-practice:non-interest');
  });

  it('the composition follows the membership history', () => {
    const pack = shipped('csto');
    const csc = findBody(pack, CSC);
    if (!csc) throw new Error('no CSC');
    expect(compositionOn(pack, csc, '1995-01-01').members).toEqual(['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']);
    expect(compositionOn(pack, csc, '2000-01-01').members).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']);
    expect(compositionOn(pack, csc, '2007-01-01').members).toContain('UZB');
    expect(compositionOn(pack, csc, '2024-03-28').members).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']);
  });

  it('the chair rotates on 1 January in Russian alphabetical order', () => {
    const pack = shipped('csto');
    expect(['2022', '2023', '2024', '2025', '2026', '2027', '2028'].map((y) => chairOn(pack, `${y}-06-01`))).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK', 'ARM']);
    expect(chairOn(pack, '2025-12-31')).toBe('KGZ');
    expect(chairOn(pack, '2026-01-01')).toBe('RUS');
  });

  it('refuses a date before the Collective Security Treaty was signed', () => {
    const result = decide(shipped('csto'), { body: CSC, question: 'substantive', procedure: 'vote', date: '1991-12-31', positions: {} });
    expect(result).toMatchObject({ ok: false, refusal: { field: 'date', code: 'date-out-of-range' } });
  });
});
