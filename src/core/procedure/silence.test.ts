import { describe, expect, it } from 'vitest';
import { base, consensus, everyone, outcome, packWith } from '../../../test/support/pack.js';

const deadline = '2003-02-10T10:00:00Z';
const silence = { procedure: 'silence' as const, date: '2003-02-07', deadline };

describe('silence procedure', () => {
  const pack = packWith(consensus());

  it('adopts when no objection arrives by the deadline; silence binds everyone', () => {
    const d = outcome(pack, {}, silence, '2003-02-11T00:00:00Z');
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'silence-kept', notBound: [] });
    expect(d.bound).toHaveLength(6);
    expect(d.trace.some((t) => t.cites.includes('charter:3'))).toBe(true);
  });

  it('is broken by an objection received before the deadline', () => {
    const d = outcome(pack, { BEL: { position: 'no', at: '2003-02-10T09:30:00Z' } }, silence);
    expect(d).toMatchObject({ outcome: 'rejected', reason: 'silence-broken', blockedBy: ['BEL'] });
  });

  it('is broken by an objection received exactly at the deadline', () => {
    expect(outcome(pack, { BEL: { position: 'no', at: deadline } }, silence)).toMatchObject({ outcome: 'rejected' });
  });

  it('is not broken by an objection received one second late, which the trace records', () => {
    const d = outcome(pack, { BEL: { position: 'no', at: '2003-02-10T10:00:01Z' } }, silence, '2003-02-11T00:00:00Z');
    expect(d).toMatchObject({ outcome: 'adopted', reason: 'silence-kept' });
    expect(d.tally).toMatchObject({ late: 1 });
    expect(d.trace.some((t) => t.finding.includes('after the deadline'))).toBe(true);
  });

  it('compares instants, not clock readings: 11:00+01:00 is 10:00Z', () => {
    expect(outcome(pack, { BEL: { position: 'no', at: '2003-02-10T11:00:00+01:00' } }, silence)).toMatchObject({ outcome: 'rejected' });
  });

  it('is pending while the deadline has not passed and silence holds', () => {
    expect(outcome(pack, everyone(pack, 'yes'), silence, '2003-02-09T00:00:00Z')).toMatchObject({ outcome: 'pending', reason: 'silence-running', bound: [] });
  });

  it('is final once silence is broken, even before the deadline', () => {
    const d = outcome(pack, { BEL: { position: 'no', at: '2003-02-08T00:00:00Z' } }, silence, '2003-02-09T00:00:00Z');
    expect(d).toMatchObject({ outcome: 'rejected', blockedBy: ['BEL'] });
  });
});

describe('silence procedure under constructive abstention (CFSP)', () => {
  const population = Object.fromEntries(['AUT', 'BEL', 'CYP', 'DNK', 'EST', 'FIN'].map((s) => [s, 100]));
  const pack = packWith(
    { ...base, primitive: 'unanimity', abstentionBlocks: false, absenceBlocks: false, constructiveAbstention: { statesShare: '1/3', populationShare: '1/3', table: 'population', cites: ['charter:3'] } },
    { population },
  );
  it('a formal abstainer is not bound by what silence adopts', () => {
    expect(outcome(pack, { AUT: 'opt-out' }, silence, '2003-02-11T00:00:00Z')).toMatchObject({ outcome: 'adopted', notBound: ['AUT'] });
  });
  it('formal abstentions reaching a third of states and population defeat it even in silence', () => {
    expect(outcome(pack, { AUT: 'opt-out', BEL: 'opt-out' }, silence, '2003-02-11T00:00:00Z')).toMatchObject({ outcome: 'rejected', reason: 'constructive-abstention-threshold' });
  });
});

describe('written procedure', () => {
  const pack = packWith(consensus());
  const written = { procedure: 'written' as const, date: '2022-01-12', deadline: '2022-01-13T12:00:00Z' };

  it('is pending while replies are outstanding before the deadline', () => {
    expect(outcome(pack, { AUT: 'yes' }, written, '2022-01-12T15:00:00Z')).toMatchObject({ outcome: 'pending', reason: 'awaiting-replies' });
  });

  it('applies the rule to the replies received once the deadline has passed', () => {
    const d = outcome(pack, { AUT: 'yes', BEL: 'yes', CYP: 'yes', DNK: 'yes', EST: 'yes' }, written, '2022-01-14T00:00:00Z');
    expect(d).toMatchObject({ outcome: 'contested', notBound: ['FIN'] });
  });

  it('counts a reply received after the deadline as no reply', () => {
    const late = { position: 'yes' as const, at: '2022-01-13T12:00:01Z' };
    const d = outcome(pack, { ...everyone(pack, 'yes'), FIN: late }, written, '2022-01-14T00:00:00Z');
    expect(d).toMatchObject({ outcome: 'contested', notBound: ['FIN'] });
  });

  it('stays open without a deadline until every member has replied', () => {
    expect(outcome(pack, { AUT: 'yes' }, { procedure: 'written', date: '2022-01-12' })).toMatchObject({ outcome: 'pending' });
    expect(outcome(pack, everyone(pack, 'yes'), { procedure: 'written', date: '2022-01-12' })).toMatchObject({ outcome: 'adopted' });
  });
});
