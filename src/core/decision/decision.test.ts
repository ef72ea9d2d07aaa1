/**
 * A decision's life under the shipped CSTO pack: given the events on its stream, when the
 * secretariat gives a command, then these events (or this refusal). The dates are those of the
 * documented history: Kazakhstan in January 2022, Minsk in November 2023, Almaty in May 2024.
 */
import { describe, expect, it } from 'vitest';
import { shipped } from '../../../test/support/shipped.js';
import type { Pack } from '../framework/index.js';
import type { PositionWord } from '../procedure/index.js';
import { deciderSpec } from '../testing/decider-spec.js';
import { decideDecision, evolveDecision, initialDecision, type DecisionCommand, type DecisionEvent, type PositionDocument } from './index.js';

const csto = shipped('csto');
const CSC = 'collective-security-council';
const SIX = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];
const framework = { id: 'csto', digest: 'sha256:test' };
/** What the framework found, as a DecisionClosed event carries it. */
type Outcome = Extract<DecisionEvent, { type: 'DecisionClosed' }>['data']['result'];

function specOn(pack: Pack) {
  return deciderSpec({ initial: initialDecision, evolve: evolveDecision, decide: (command: DecisionCommand, state) => decideDecision(command, state, pack) });
}
const spec = specOn(csto);

const title = { en: 'On the collective peacekeeping forces', ru: 'О Коллективных миротворческих силах' };
const text = { en: 'The Council decides to send the forces.', ru: 'Совет постановляет направить силы.' };
const draft = (changes: Partial<Extract<DecisionCommand, { kind: 'draft' }>> = {}): DecisionCommand => ({
  kind: 'draft',
  title,
  text,
  body: CSC,
  question: 'substantive',
  initiator: 'KAZ',
  draftedOn: '2022-01-06',
  ...changes,
});

const drafted = (on: string, body = CSC, question = 'substantive'): DecisionEvent => ({ type: 'DraftCreated', validAt: on, data: { title, text, body, question, initiator: 'KAZ' } });
const tabled = (on: string): DecisionEvent => ({ type: 'DraftTabled', validAt: on, data: { sessionId: `S-${on}` } });
const circulated = (procedure: 'written' | 'silence', on: string, deadline: string): DecisionEvent => ({ type: 'DraftCirculated', validAt: on, data: { procedure, deadline, cites: [] } });
const delegate = (state: string): PositionDocument => ({ kind: 'delegate-entry', by: `delegate-${state}` });
const position = (state: string, word: PositionWord, at: string, document = delegate(state)): DecisionEvent => ({
  type: 'PositionRecorded',
  validAt: at.slice(0, 10),
  data: { state, position: word, at, document },
});

/** 12 January 2022: the termination draft circulated in writing until noon the next day. */
const written = [drafted('2022-01-12'), circulated('written', '2022-01-12', '2022-01-13T12:00:00.000Z')];
const presentAll = (absent: string[] = []) => Object.fromEntries(SIX.map((s) => [s, !absent.includes(s)]));

/** Minsk, 23 November 2023, as closed: contested, Armenia not bound. */
const minskClosed: DecisionEvent[] = [
  drafted('2023-11-23'),
  tabled('2023-11-23'),
  {
    type: 'DecisionClosed',
    validAt: '2023-11-23',
    data: {
      result: { outcome: 'contested', reason: 'silent-absence', bound: ['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'], notBound: ['ARM'], blockedBy: [], notify: SIX, tally: {}, trace: [] },
      procedure: 'vote',
      framework,
      version: 1,
    },
  },
];
const accede = (state: string, accededOn: string, today = '2024-06-01'): DecisionCommand => ({ kind: 'accede', state, accededOn, today, document: { kind: 'note', noteId: 'NV-1' } });

describe('drafting a decision', () => {
  it('a draft in English and Russian is created for a body and a question the framework knows', () => {
    spec.given([]).when(draft()).then([drafted('2022-01-06')]);
  });

  it('a draft for a body the framework does not know is refused', () => {
    spec.given([]).when(draft({ body: 'security-council' })).thenRefuses({ code: 'invalid', field: 'body' });
  });

  it('a draft for a body on a day before the body existed is refused', () => {
    spec.given([]).when(draft({ body: 'council-of-foreign-ministers', draftedOn: '2000-01-01' })).thenRefuses({ code: 'invalid', field: 'body' });
  });

  it('a draft on a question the body does not decide is refused', () => {
    spec.given([]).when(draft({ question: 'budgetary' })).thenRefuses({ code: 'invalid', field: 'question' });
  });

  it('a draft without its title in Russian, the working language, is refused', () => {
    spec.given([]).when(draft({ title: { en: title.en, ru: ' ' } })).thenRefuses({ code: 'invalid', field: 'title.ru' });
  });

  it('a draft without its text in Russian, the working language, is refused', () => {
    spec.given([]).when(draft({ text: { en: text.en, ru: '' } })).thenRefuses({ code: 'invalid', field: 'title.ru' });
  });

  it('a draft cannot be created twice under the same number', () => {
    spec.given([drafted('2022-01-06')]).when(draft()).thenRefuses({ code: 'wrong-status', field: 'id' });
  });
});

describe('amending a draft', () => {
  it('an amendment makes the next version and keeps what it does not change', () => {
    const amended = { en: 'The Council decides to send the forces for a limited time.', ru: 'Совет постановляет направить силы на ограниченный срок.' };
    const first: DecisionEvent = { type: 'DraftAmended', validAt: '2022-01-06', data: { version: 2, title, text } };
    spec
      .given([drafted('2022-01-06'), first])
      .when({ kind: 'amend', text: amended, amendedOn: '2022-01-06' })
      .then([{ type: 'DraftAmended', validAt: '2022-01-06', data: { version: 3, title, text: amended } }]);
  });

  it('a draft in circulation may still be amended while no position is recorded', () => {
    spec
      .given(written)
      .when({ kind: 'amend', title: { en: 'On ending the operation', ru: 'О завершении операции' }, amendedOn: '2022-01-12' })
      .then([{ type: 'DraftAmended', validAt: '2022-01-12', data: { version: 2, title: { en: 'On ending the operation', ru: 'О завершении операции' }, text } }]);
  });

  it('once a position is recorded the draft can no longer be amended', () => {
    spec
      .given([...written, position('RUS', 'yes', '2022-01-12T15:00:00.000Z')])
      .when({ kind: 'amend', text, amendedOn: '2022-01-12' })
      .thenRefuses({ code: 'wrong-status', field: 'status' });
  });
});

describe('tabling a draft at a session', () => {
  it('a draft is tabled at a session on the day of the session', () => {
    spec
      .given([drafted('2022-01-06')])
      .when({ kind: 'table', sessionId: 'S-2022-01-06', sessionDate: '2022-01-06' })
      .then([{ type: 'DraftTabled', validAt: '2022-01-06', data: { sessionId: 'S-2022-01-06' } }]);
  });

  it('a draft already in circulation cannot be tabled', () => {
    spec.given(written).when({ kind: 'table', sessionId: 'S-1', sessionDate: '2022-01-12' }).thenRefuses({ code: 'wrong-status', field: 'status' });
  });

  it('a draft cannot be tabled where the framework does not let the body decide the question at a session', () => {
    // A variant of the CSTO pack in which the Council decides substantive questions in writing only.
    const writingOnly: Pack = {
      ...csto,
      bodies: csto.bodies.map((b) => (b.id === CSC ? { ...b, questions: { substantive: { rule: 'csto-consensus', procedures: { written: { cites: ['csto-practice:written-circulation'] } } } } } : b)),
    };
    specOn(writingOnly).given([drafted('2022-01-06')]).when({ kind: 'table', sessionId: 'S-1', sessionDate: '2022-01-06' }).thenRefuses({ code: 'not-allowed', field: 'procedure' });
  });
});

describe('circulating a draft between sessions', () => {
  const circulate = (procedure: 'written' | 'silence', deadline: string): DecisionCommand => ({ kind: 'circulate', procedure, deadline, circulatedOn: '2022-01-12T10:00:00.000Z' });

  it('a draft circulated in writing carries its deadline and the practice it follows', () => {
    spec
      .given([drafted('2022-01-12')])
      .when(circulate('written', '2022-01-13T15:00:00+03:00'))
      .then([{ type: 'DraftCirculated', validAt: '2022-01-12', data: { procedure: 'written', deadline: '2022-01-13T12:00:00.000Z', cites: ['csto-practice:written-circulation'] } }]);
  });

  it('a deadline without a time zone is refused', () => {
    spec.given([drafted('2022-01-12')]).when(circulate('written', '2022-01-13T12:00')).thenRefuses({ code: 'invalid', field: 'deadline' });
  });

  it('a deadline that does not come after the circulation is refused', () => {
    spec.given([drafted('2022-01-12')]).when(circulate('written', '2022-01-12T10:00:00Z')).thenRefuses({ code: 'invalid', field: 'deadline' });
  });

  it('a substantive question cannot be put to a silence procedure, which the framework keeps for procedural ones', () => {
    spec.given([drafted('2022-01-12')]).when(circulate('silence', '2022-01-19T12:00:00Z')).thenRefuses({ code: 'not-allowed', field: 'procedure' });
  });

  it('a procedural question may be put to a silence procedure (practice of no-objection scheduling)', () => {
    spec
      .given([drafted('2022-01-12', CSC, 'procedural')])
      .when(circulate('silence', '2022-01-19T12:00:00Z'))
      .then([{ type: 'DraftCirculated', validAt: '2022-01-12', data: { procedure: 'silence', deadline: '2022-01-19T12:00:00.000Z', cites: ['csto-practice:no-objection-scheduling'] } }]);
  });

  it('a draft already tabled at a session cannot be circulated', () => {
    spec.given([drafted('2022-01-06'), tabled('2022-01-06')]).when(circulate('written', '2022-01-13T12:00:00Z')).thenRefuses({ code: 'wrong-status', field: 'status' });
  });
});

describe('recording positions', () => {
  const give = (state: string, word: PositionWord, at: string): DecisionCommand => ({ kind: 'record-position', state, position: word, at, document: delegate(state) });

  it('a position received before the deadline is recorded with the document that carries it', () => {
    spec.given(written).when(give('RUS', 'yes', '2022-01-12T18:00:00+03:00')).then([position('RUS', 'yes', '2022-01-12T15:00:00.000Z')]);
  });

  it('a position on a draft neither tabled nor circulated is refused', () => {
    spec.given([drafted('2022-01-12')]).when(give('RUS', 'yes', '2022-01-12T15:00:00Z')).thenRefuses({ code: 'wrong-status', field: 'status' });
  });

  it('a position in the name of a state that does not sit on the body is refused', () => {
    spec.given(written).when(give('UZB', 'yes', '2022-01-12T15:00:00Z')).thenRefuses({ code: 'not-on-body', field: 'state' });
  });

  it('a position received after the deadline is refused', () => {
    spec.given(written).when(give('RUS', 'yes', '2022-01-13T12:00:01Z')).thenRefuses({ code: 'late', field: 'at' });
  });

  it('the same position given again records nothing', () => {
    spec
      .given([...written, position('RUS', 'yes', '2022-01-12T15:00:00.000Z')])
      .when(give('RUS', 'yes', '2022-01-12T16:00:00Z'))
      .then([]);
  });

  it('a position contradicting one already given is refused', () => {
    spec
      .given([...written, position('RUS', 'yes', '2022-01-12T15:00:00.000Z')])
      .when(give('RUS', 'no', '2022-01-12T16:00:00Z'))
      .thenRefuses({ code: 'contradicts', field: 'position' });
  });
});

describe('closing a decision', () => {
  const close = (now: string, attendance?: Record<string, boolean>): DecisionCommand => ({ kind: 'close', now, attendance, framework });
  const closed = (on: string, procedure: 'vote' | 'written', result: Partial<Outcome>) => ({
    type: 'DecisionClosed' as const,
    validAt: on,
    data: { result, procedure, framework, version: 1 },
  });

  it('informs the observers and partners whose status gives them the body’s decisions, and no one else', () => {
    const associates = [
      { state: 'SRB', role: 'observer' as const },
      { state: 'MNG', role: 'partner' as const },
    ];
    spec
      .given([...written, ...SIX.map((s) => position(s, 'yes', '2022-01-12T15:00:00.000Z'))])
      .when({ kind: 'close', now: '2022-01-12T18:00:00.000Z', associates, framework })
      .thenMatches([{ type: 'DecisionClosed', data: { result: { notify: SIX }, informed: ['MNG', 'SRB'] } }]);
    spec
      .given([drafted('2022-01-12', 'council-of-defence-ministers'), circulated('written', '2022-01-12', '2022-01-13T12:00:00.000Z'), ...SIX.map((s) => position(s, 'yes', '2022-01-12T15:00:00.000Z'))])
      .when({ kind: 'close', now: '2022-01-12T18:00:00.000Z', associates, framework })
      .thenMatches([{ type: 'DecisionClosed', data: { informed: ['MNG'] } }]);
  });

  it('sets aside the member concerned by a decision on its own standing, so its objection does not block', () => {
    const concerning = { type: 'DraftCreated' as const, validAt: '2022-01-12', data: { title, text, body: CSC, question: 'substantive', initiator: 'Secretariat', parties: ['TJK'] } };
    spec
      .given([concerning, circulated('written', '2022-01-12', '2022-01-13T12:00:00.000Z'), ...SIX.map((s) => position(s, s === 'TJK' ? 'no' : 'yes', '2022-01-12T15:00:00.000Z'))])
      .when(close('2022-01-12T18:00:00.000Z'))
      .thenMatches([{ type: 'DecisionClosed', data: { result: { outcome: 'adopted', blockedBy: [] } } }]);
  });

  it('gives an observer no position in the members’ decision', () => {
    spec.given(written).when({ kind: 'record-position', state: 'SRB', position: 'no', at: '2022-01-12T15:00:00.000Z', document: delegate('SRB') }).thenRefuses({ code: 'not-on-body', field: 'state' });
  });

  it('a silence procedure cannot be closed before its deadline, even once every member has replied', () => {
    spec
      .given([drafted('2022-01-12', CSC, 'procedural'), circulated('silence', '2022-01-12', '2022-01-19T12:00:00.000Z'), ...SIX.map((s) => position(s, 'yes', '2022-01-13T09:00:00.000Z'))])
      .when(close('2022-01-18T12:00:00.000Z'))
      .thenRefuses({ code: 'not-allowed', field: 'now' });
  });

  it('a written procedure cannot be closed before its deadline while replies are still awaited', () => {
    spec
      .given([...written, position('RUS', 'yes', '2022-01-12T15:00:00.000Z'), position('KAZ', 'yes', '2022-01-12T15:00:00.000Z')])
      .when(close('2022-01-12T18:00:00.000Z'))
      .thenRefuses({ code: 'not-allowed', field: 'now' });
  });

  it('a written procedure closes before its deadline once every member has replied, and the decision is adopted', () => {
    spec
      .given([...written, ...SIX.map((s) => position(s, 'yes', '2022-01-12T15:00:00.000Z'))])
      .when(close('2022-01-12T18:00:00.000Z'))
      .thenMatches([closed('2022-01-12', 'written', { outcome: 'adopted', reason: 'consensus', bound: SIX })]);
  });

  it('at a session, the members present that raise no objection take the decision by consensus', () => {
    spec
      .given([drafted('2022-01-06'), tabled('2022-01-06')])
      .when(close('2022-01-06T16:00:00.000Z', presentAll()))
      .thenMatches([closed('2022-01-06', 'vote', { outcome: 'adopted', reason: 'consensus', bound: SIX, notBound: [] })]);
  });

  it('Minsk, 23 November 2023: with Armenia absent without notice, the decision is contested and does not bind Armenia', () => {
    spec
      .given([drafted('2023-11-23'), tabled('2023-11-23')])
      .when(close('2023-11-23T16:00:00.000Z', presentAll(['ARM'])))
      .thenMatches([closed('2023-11-23', 'vote', { outcome: 'contested', reason: 'silent-absence', bound: ['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'], notBound: ['ARM'], blockedBy: [] })]);
  });

  it('Almaty, 31 May 2024: on Armenia’s no-objection notice the others adopt in limited format, Armenia not bound', () => {
    const body = 'council-of-defence-ministers';
    spec
      .given([drafted('2024-05-31', body), tabled('2024-05-31'), position('ARM', 'no-objection', '2024-05-31T08:00:00.000Z', { kind: 'note', noteId: 'NV/2024/112' })])
      .when(close('2024-05-31T16:00:00.000Z', presentAll(['ARM'])))
      .thenMatches([closed('2024-05-31', 'vote', { outcome: 'adopted', reason: 'adopted-limited-format', notBound: ['ARM'] })]);
  });

  it('the closing records the version of the text decided and the framework applied', () => {
    const amended: DecisionEvent = { type: 'DraftAmended', validAt: '2022-01-06', data: { version: 2, title, text } };
    spec
      .given([drafted('2022-01-06'), amended, tabled('2022-01-06')])
      .when(close('2022-01-06T16:00:00.000Z', presentAll()))
      .thenMatches([{ type: 'DecisionClosed', data: { framework: { id: 'csto', digest: 'sha256:test' }, version: 2 } }]);
  });

  it('a draft neither tabled nor circulated cannot be closed', () => {
    spec.given([drafted('2022-01-06')]).when(close('2022-01-06T16:00:00.000Z')).thenRefuses({ code: 'wrong-status', field: 'status' });
  });

  it('a procedure closed after its deadline was taken on the day of the deadline', () => {
    spec
      .given([...written, ...SIX.map((s) => position(s, 'yes', '2022-01-12T15:00:00.000Z'))])
      .when(close('2022-01-15T09:00:00.000Z'))
      .thenState((state) => {
        expect(state.closedOn).toBe('2022-01-13');
      });
  });
});

describe('acceding to a decision taken', () => {
  it('a member the decision did not bind may accede to it later', () => {
    spec
      .given(minskClosed)
      .when(accede('ARM', '2024-05-31'))
      .then([{ type: 'AccessionRecorded', validAt: '2024-05-31', data: { state: 'ARM', document: { kind: 'note', noteId: 'NV-1' } } }]);
  });

  it('an accession to a decision not yet taken is refused', () => {
    spec.given([drafted('2023-11-23'), tabled('2023-11-23')]).when(accede('ARM', '2023-11-23')).thenRefuses({ code: 'wrong-status', field: 'status' });
  });

  it('an accession date that is not a calendar date is refused', () => {
    spec.given(minskClosed).when(accede('ARM', '2024-02-30')).thenRefuses({ code: 'invalid', field: 'accededOn' });
  });

  it('an accession dated before the day the decision was taken is refused', () => {
    spec.given(minskClosed).when(accede('ARM', '2023-11-22')).thenRefuses({ code: 'invalid', field: 'accededOn' });
  });

  it('an accession dated after today is refused: it is recorded once made', () => {
    spec.given(minskClosed).when(accede('ARM', '2024-06-02', '2024-06-01')).thenRefuses({ code: 'invalid', field: 'accededOn' });
  });

  it('a member the decision already binds cannot accede to it', () => {
    spec.given(minskClosed).when(accede('RUS', '2024-05-31')).thenRefuses({ code: 'not-allowed', field: 'state' });
  });

  it('a member that has acceded cannot accede a second time', () => {
    const acceded: DecisionEvent = { type: 'AccessionRecorded', validAt: '2024-05-31', data: { state: 'ARM', document: { kind: 'note', noteId: 'NV-1' } } };
    spec.given([...minskClosed, acceded]).when(accede('ARM', '2024-06-01')).thenRefuses({ code: 'not-allowed', field: 'state' });
  });
});
