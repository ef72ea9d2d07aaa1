/**
 * Given the events before, when a command comes, then these events (or this refusal).
 */
import { describe, expect, it } from 'vitest';
import { shipped } from '../../../test/support/shipped.js';
import { decideStanding, evolveStanding, initialStanding, type StandingCommand, type StandingEvent } from './index.js';

const csto = shipped('csto');
const member: StandingEvent = { type: 'StandingChanged', validAt: '1992-05-15', data: { role: 'member', status: 'member', act: 'CST', cites: [], basis: { kind: 'pack-history' } } };

function given(events: StandingEvent[]) {
  const state = events.reduce(evolveStanding, initialStanding);
  return { when: (command: StandingCommand) => decideStanding(command, state, csto, 'ARM') };
}

describe('standing of a party', () => {
  it('a withdrawal notice makes a member "withdrawal pending" for six months (Charter Art. 19)', () => {
    const result = given([member]).when({ kind: 'notify-withdrawal', noteId: 'n1', notifiedOn: '2026-06-01' });
    expect(result).toEqual({
      ok: true,
      events: [{ type: 'WithdrawalNotified', validAt: '2026-06-01', data: { noteId: 'n1', effectiveOn: '2026-12-01', noticeMonths: 6, cites: ['charter:19'] } }],
    });
  });

  it('the notice period is counted in calendar months: 31 August gives 28 February', () => {
    const result = given([member]).when({ kind: 'notify-withdrawal', noteId: 'n1', notifiedOn: '2026-08-31' });
    expect(result.ok && result.events[0]?.type === 'WithdrawalNotified' && result.events[0].data.effectiveOn).toBe('2027-02-28');
  });

  it('a withdrawal does not take effect before its notice period has run', () => {
    const notified: StandingEvent = { type: 'WithdrawalNotified', validAt: '2026-06-01', data: { noteId: 'n1', effectiveOn: '2026-12-01', noticeMonths: 6, cites: [] } };
    expect(given([member, notified]).when({ kind: 'take-effect', timerId: 't', today: '2026-11-30' })).toMatchObject({ ok: false, refusal: { code: 'not-due' } });
    const done = given([member, notified]).when({ kind: 'take-effect', timerId: 't', today: '2026-12-01' });
    expect(done).toMatchObject({ ok: true, events: [{ type: 'StandingChanged', validAt: '2026-12-01', data: { status: 'withdrawn', cites: ['charter:19'] } }] });
  });

  it('a state that has withdrawn cannot give notice again', () => {
    const gone: StandingEvent = { ...member, data: { ...member.data, status: 'withdrawn' } };
    expect(given([member, gone]).when({ kind: 'notify-withdrawal', noteId: 'n2', notifiedOn: '2026-06-01' })).toMatchObject({ ok: false, refusal: { field: 'sender' } });
  });

  it('a suspension needs a decision of the Collective Security Council, not of another body', () => {
    const byMinisters = given([member]).when({ kind: 'apply-decision', role: 'member', change: 'suspend', body: 'council-of-foreign-ministers', reference: 'X', decidedOn: '2026-06-01' });
    expect(byMinisters).toMatchObject({ ok: false, refusal: { code: 'wrong-body', field: 'body' } });
    const byCouncil = given([member]).when({ kind: 'apply-decision', role: 'member', change: 'suspend', body: 'collective-security-council', reference: 'X', decidedOn: '2026-06-01' });
    expect(byCouncil).toMatchObject({ ok: true, events: [{ data: { status: 'suspended', basis: { kind: 'decision', reference: 'X' } } }] });
  });

  it('a suspension can be lifted only for a suspended member', () => {
    expect(given([member]).when({ kind: 'apply-decision', role: 'member', change: 'lift-suspension', body: 'collective-security-council', reference: 'Y', decidedOn: '2026-06-01' })).toMatchObject({ ok: false });
  });

  it('participation is recorded apart and leaves the legal status as it was', () => {
    const result = given([member]).when({ kind: 'record-participation', participating: false, since: '2023-11-22', basis: 'absent' });
    expect(result.ok).toBe(true);
    const state = [member, ...(result.ok ? result.events : [])].reduce(evolveStanding, initialStanding);
    expect(state).toMatchObject({ status: 'member', participating: false });
  });
});
