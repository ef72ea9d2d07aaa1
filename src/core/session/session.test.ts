/**
 * A session of a CSTO body: given the events on its stream, when the secretariat gives a command,
 * then these events (or this refusal). The chair follows the rotation of the shipped pack (Armenia
 * in 2022, Belarus in 2023, Armenia again in 2028).
 */
import { describe, expect, it } from 'vitest';
import { shipped } from '../../../test/support/shipped.js';
import { deciderSpec } from '../testing/decider-spec.js';
import { decideSession, evolveSession, initialSession, type SessionCommand, type SessionEvent } from './index.js';

const csto = shipped('csto');
const CSC = 'collective-security-council';
const spec = deciderSpec({ initial: initialSession, evolve: evolveSession, decide: (command: SessionCommand, state) => decideSession(command, state, csto) });

const convene = (changes: Partial<Extract<SessionCommand, { kind: 'convene' }>> = {}): SessionCommand => ({ kind: 'convene', body: CSC, date: '2023-11-23', place: 'Minsk', notParticipating: [], ...changes });
const convened = (data: Partial<Extract<SessionEvent, { type: 'SessionConvened' }>['data']> = {}): SessionEvent => ({
  type: 'SessionConvened',
  validAt: '2023-11-23',
  data: { body: CSC, place: 'Minsk', chair: 'BLR', dueChair: 'BLR', temporary: false, cites: ['csto-practice:chair-rotation'], ...data },
});
const onAgenda: SessionEvent = { type: 'AgendaItemAdded', validAt: '2023-11-23', data: { decisionId: 'D-2023-minsk' } };
const closed: SessionEvent = { type: 'SessionClosed', validAt: '2023-11-23', data: { closedAt: '2023-11-23T16:00:00.000Z' } };
/** 2028: Armenia is due to chair and, as the registry records, does not take part. */
const armeniaAway = { date: '2028-11-01', place: 'Moscow', notParticipating: ['ARM'] };

describe('convening a session', () => {
  it('a session is chaired by the state the rotation gives for the year', () => {
    spec.given([]).when(convene()).then([convened()]);
  });

  it('before the documented rotation begins no chair is named', () => {
    spec
      .given([])
      .when(convene({ date: '2009-06-14', place: 'Moscow' }))
      .then([{ type: 'SessionConvened', validAt: '2009-06-14', data: { body: CSC, place: 'Moscow', chair: null, dueChair: null, temporary: false, cites: ['csto-practice:chair-rotation'] } }]);
  });

  it('when the state due to chair does not take part, a session without a temporary chair is refused', () => {
    spec.given([]).when(convene(armeniaAway)).thenRefuses({ field: 'temporaryChair' });
  });

  it('when the state due to chair does not take part, the temporary chair named chairs the session', () => {
    spec
      .given([])
      .when(convene({ ...armeniaAway, temporaryChair: 'RUS' }))
      .then([{ type: 'SessionConvened', validAt: '2028-11-01', data: { body: CSC, place: 'Moscow', chair: 'RUS', dueChair: 'ARM', temporary: true, cites: ['csto-practice:chair-rotation'] } }]);
  });

  it('a temporary chair must be a member of the body', () => {
    spec.given([]).when(convene({ ...armeniaAway, temporaryChair: 'UZB' })).thenRefuses({ field: 'temporaryChair' });
  });

  it('a temporary chair must itself take part', () => {
    spec.given([]).when(convene({ ...armeniaAway, notParticipating: ['ARM', 'BLR'], temporaryChair: 'BLR' })).thenRefuses({ field: 'temporaryChair' });
  });

  it('the state due to chair chairs when it takes part, even if a temporary chair is named', () => {
    spec.given([]).when(convene({ temporaryChair: 'RUS' })).then([convened()]);
  });

  it('a session date that is not a calendar date is refused', () => {
    spec.given([]).when(convene({ date: '2023-02-30' })).thenRefuses({ field: 'date' });
  });

  it('a session of a body the framework does not know is refused', () => {
    spec.given([]).when(convene({ body: 'security-council' })).thenRefuses({ field: 'body' });
  });

  it('a session of a body on a day before the body existed is refused', () => {
    spec.given([]).when(convene({ body: 'council-of-foreign-ministers', date: '2000-01-01' })).thenRefuses({ field: 'date' });
  });

  it('a session without a place is refused', () => {
    spec.given([]).when(convene({ place: '  ' })).thenRefuses({ field: 'place' });
  });

  it('a session cannot be convened twice', () => {
    spec.given([convened()]).when(convene()).thenRefuses({ field: 'id' });
  });
});

describe('the agenda', () => {
  it('a draft is put on the agenda on the day of the session', () => {
    spec.given([convened()]).when({ kind: 'add-item', decisionId: 'D-2023-minsk' }).then([onAgenda]);
  });

  it('the same draft cannot be put on the agenda twice', () => {
    spec.given([convened(), onAgenda]).when({ kind: 'add-item', decisionId: 'D-2023-minsk' }).thenRefuses({ field: 'decisionId' });
  });

  it('nothing is put on the agenda of a session not convened', () => {
    spec.given([]).when({ kind: 'add-item', decisionId: 'D-2023-minsk' }).thenRefuses({ field: 'session' });
  });
});

describe('attendance and no-objection notices', () => {
  it('the absence of a member of the body is recorded', () => {
    spec
      .given([convened()])
      .when({ kind: 'record-attendance', state: 'ARM', present: false })
      .then([{ type: 'AttendanceRecorded', validAt: '2023-11-23', data: { state: 'ARM', present: false } }]);
  });

  it('the attendance of a state that does not sit on the body is refused', () => {
    spec.given([convened()]).when({ kind: 'record-attendance', state: 'UZB', present: true }).thenRefuses({ field: 'state' });
  });

  it('a member’s no-objection notice is attached to an item on the agenda', () => {
    spec
      .given([convened(), onAgenda])
      .when({ kind: 'attach-no-objection', decisionId: 'D-2023-minsk', state: 'ARM', noteId: 'NV/2024/112' })
      .then([{ type: 'NoObjectionAttached', validAt: '2023-11-23', data: { decisionId: 'D-2023-minsk', state: 'ARM', noteId: 'NV/2024/112' } }]);
  });

  it('an observer attends a session of a body its status lets it attend, apart from the members', () => {
    spec
      .given([convened()])
      .when({ kind: 'record-attendance', state: 'SRB', present: true, associate: 'observer' })
      .then([{ type: 'AttendanceRecorded', validAt: '2023-11-23', data: { state: 'SRB', present: true, as: 'observer' } }]);
    spec.given([convened(), { type: 'AttendanceRecorded', validAt: '2023-11-23', data: { state: 'SRB', present: true, as: 'observer' } }]).when({ kind: 'close', closedAt: '2023-11-23T16:00:00.000Z' }).thenState((state) => {
      expect(state.attendance).toEqual({});
      expect(state.associates).toEqual({ SRB: true });
    });
  });

  it('an observer does not attend a session of a body its status does not open to it', () => {
    spec
      .given([convened({ body: 'council-of-defence-ministers' })])
      .when({ kind: 'record-attendance', state: 'SRB', present: true, associate: 'observer' })
      .thenRefuses({ code: 'not-on-body', field: 'state' });
  });

  it('a no-objection notice for an item not on the agenda is refused', () => {
    spec.given([convened()]).when({ kind: 'attach-no-objection', decisionId: 'D-2023-minsk', state: 'ARM', noteId: 'NV/2024/112' }).thenRefuses({ field: 'decisionId' });
  });

  it('a no-objection notice of a state that does not sit on the body is refused', () => {
    spec.given([convened(), onAgenda]).when({ kind: 'attach-no-objection', decisionId: 'D-2023-minsk', state: 'UZB', noteId: 'NV-9' }).thenRefuses({ field: 'state' });
  });
});

describe('closing a session', () => {
  it('a session is closed at the time given', () => {
    spec.given([convened(), onAgenda]).when({ kind: 'close', closedAt: '2023-11-23T16:00:00.000Z' }).then([closed]);
  });

  it('nothing is put on the agenda once the session is closed', () => {
    spec.given([convened(), closed]).when({ kind: 'add-item', decisionId: 'D-2023-other' }).thenRefuses({ field: 'session' });
  });

  it('no attendance is recorded once the session is closed', () => {
    spec.given([convened(), closed]).when({ kind: 'record-attendance', state: 'RUS', present: true }).thenRefuses({ field: 'session' });
  });

  it('a closed session cannot be closed again', () => {
    spec.given([convened(), closed]).when({ kind: 'close', closedAt: '2023-11-23T17:00:00.000Z' }).thenRefuses({ field: 'session' });
  });
});
