/**
 * A party's standing: given the events before, when a command comes, then these events (or this
 * refusal). Armenia under the shipped CSTO pack.
 */
import { describe, expect, it } from 'vitest';
import { shipped } from '../../../test/support/shipped.js';
import { deciderSpec } from '../testing/decider-spec.js';
import { decideStanding, evolveStanding, initialStanding, type StandingCommand, type StandingEvent } from './index.js';

const csto = shipped('csto');
const spec = deciderSpec({ initial: initialStanding, evolve: evolveStanding, decide: (command: StandingCommand, state) => decideStanding(command, state, csto, 'ARM') });

const member: StandingEvent = { type: 'StandingChanged', validAt: '1992-05-15', data: { role: 'member', status: 'member', act: 'CST', cites: [], basis: { kind: 'pack-history' } } };
const notified: StandingEvent = { type: 'WithdrawalNotified', validAt: '2026-06-01', data: { noteId: 'n1', effectiveOn: '2026-12-01', noticeMonths: 6, cites: [] } };
const suspendBy = (body: string, change: 'suspend' | 'lift-suspension' = 'suspend'): StandingCommand => ({ kind: 'apply-decision', role: 'member', change, body, reference: 'X', decidedOn: '2026-06-01' });

describe('standing of a party', () => {
  it('a withdrawal notice makes a member "withdrawal pending" for six months (Charter Art. 19)', () => {
    spec
      .given([member])
      .when({ kind: 'notify-withdrawal', noteId: 'n1', notifiedOn: '2026-06-01' })
      .then([{ type: 'WithdrawalNotified', validAt: '2026-06-01', data: { noteId: 'n1', effectiveOn: '2026-12-01', noticeMonths: 6, cites: ['charter:19'] } }]);
  });

  it('the notice period is counted in calendar months: 31 August gives 28 February', () => {
    spec
      .given([member])
      .when({ kind: 'notify-withdrawal', noteId: 'n1', notifiedOn: '2026-08-31' })
      .then([{ type: 'WithdrawalNotified', validAt: '2026-08-31', data: { noteId: 'n1', effectiveOn: '2027-02-28', noticeMonths: 6, cites: ['charter:19'] } }]);
  });

  it('a withdrawal does not take effect before its notice period has run', () => {
    spec.given([member, notified]).when({ kind: 'take-effect', timerId: 't', today: '2026-11-30' }).thenRefuses({ code: 'not-due', field: 'today' });
  });

  it('a withdrawal takes effect on the day its notice period ends', () => {
    spec
      .given([member, notified])
      .when({ kind: 'take-effect', timerId: 't', today: '2026-12-01' })
      .then([
        {
          type: 'StandingChanged',
          validAt: '2026-12-01',
          data: { role: 'member', status: 'withdrawn', act: 'Withdrawal took effect at the end of the notice period (notice n1)', cites: ['charter:19'], basis: { kind: 'timer', timerId: 't' } },
        },
      ]);
  });

  it('a state that has withdrawn cannot give notice again', () => {
    const gone: StandingEvent = { ...member, data: { ...member.data, status: 'withdrawn' } };
    spec.given([member, gone]).when({ kind: 'notify-withdrawal', noteId: 'n2', notifiedOn: '2026-06-01' }).thenRefuses({ code: 'not-allowed', field: 'sender' });
  });

  it('a suspension decided by a body other than the Collective Security Council is refused', () => {
    spec.given([member]).when(suspendBy('council-of-foreign-ministers')).thenRefuses({ code: 'wrong-body', field: 'body' });
  });

  it('a suspension decided by the Collective Security Council suspends the member (Charter Art. 20)', () => {
    spec
      .given([member])
      .when(suspendBy('collective-security-council'))
      .then([
        {
          type: 'StandingChanged',
          validAt: '2026-06-01',
          data: {
            role: 'member',
            status: 'suspended',
            act: 'Decision X of the collective-security-council',
            cites: ['charter:20', 'regulations-2004:suspension-expulsion'],
            basis: { kind: 'decision', body: 'collective-security-council', reference: 'X' },
          },
        },
      ]);
  });

  it('a suspension can be lifted only for a suspended member', () => {
    spec.given([member]).when(suspendBy('collective-security-council', 'lift-suspension')).thenRefuses({ code: 'not-allowed', field: 'change' });
  });

  it('participation is recorded apart and leaves the legal status as it was', () => {
    spec
      .given([member])
      .when({ kind: 'record-participation', participating: false, since: '2023-11-22', basis: 'absent' })
      .thenState((state) => {
        expect(state).toMatchObject({ status: 'member', participating: false });
      });
  });
});
