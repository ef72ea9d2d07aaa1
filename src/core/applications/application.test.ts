/**
 * Cases before the Collective Security Council about a state's standing, under the shipped CSTO
 * pack: given the events of the case so far, when a command comes, then these events (or this
 * refusal).
 */
import { describe, expect, it } from 'vitest';
import { shipped } from '../../../test/support/shipped.js';
import type { NoteKind, OfficialNote } from '../correspondence/index.js';
import { initialStanding, type StandingState } from '../membership/index.js';
import { deciderSpec } from '../testing/decider-spec.js';
import {
  applicationStream,
  assessmentOf,
  decideApplication,
  evolveApplication,
  initialApplication,
  requirementsOf,
  type ApplicationCommand,
  type ApplicationEvent,
  type ApplicationRole,
  type ApplicationState,
} from './index.js';

const csto = shipped('csto');
const spec = deciderSpec({ initial: initialApplication, evolve: evolveApplication, decide: (command: ApplicationCommand, state) => decideApplication(command, state, csto) });

function note(id: string, sender: string, kind: NoteKind, dated = '2026-03-02'): OfficialNote {
  return { id, sender, kind, dated, authority: 'Ministry of Foreign Affairs', reference: `${sender}/${id}`, subject: kind };
}

const none = initialStanding;
const standing = (role: StandingState['role'], status: StandingState['status']): StandingState => ({ ...initialStanding, role, status });

const request = note('n-mng-1', 'MNG', 'accession-request');
const submit = (over: Partial<Extract<ApplicationCommand, { kind: 'submit' }>> = {}): ApplicationCommand => ({
  kind: 'submit',
  applicant: 'MNG',
  role: 'member',
  note: request,
  submittedOn: '2026-03-05',
  decisionId: 'd-admit-mng',
  standing: none,
  openCase: undefined,
  ...over,
});
const propose = (over: Partial<Extract<ApplicationCommand, { kind: 'propose' }>> = {}): ApplicationCommand => ({
  kind: 'propose',
  party: 'ARM',
  role: 'member',
  change: 'suspend',
  note: undefined,
  proposedOn: '2026-04-01',
  decisionId: 'd-suspend-arm',
  standing: standing('member', 'member'),
  openCase: undefined,
  ...over,
});

const admission = csto.standing?.admission;
const submitted: ApplicationEvent = {
  type: 'ApplicationSubmitted',
  validAt: '2026-03-05',
  data: {
    applicant: 'MNG',
    role: 'member',
    change: 'admit',
    noteId: 'n-mng-1',
    decisionId: 'd-admit-mng',
    body: 'collective-security-council',
    question: 'substantive',
    criteria: admission?.criteria ?? [],
    cites: ['charter:19', 'regulations-2004:admission-withdrawal'],
  },
};
const evidence = note('n-mfa-report', 'MNG', 'other', '2026-03-20');
const assessed = (criterion: string, met: boolean, on = '2026-03-21'): ApplicationEvent => ({ type: 'CriterionAssessed', validAt: on, data: { criterion, met, evidence: 'n-mfa-report', by: 'officer-1' } });
const withdrawn: ApplicationEvent = { type: 'ApplicationWithdrawn', validAt: '2026-04-10', data: { noteId: 'n-mng-2' } };

function criteriaOf(events: readonly ApplicationEvent[] | undefined): string[] {
  const first = events?.[0];
  return first?.type === 'ApplicationSubmitted' ? first.data.criteria.map((c) => c.id) : [];
}

function submittedFor(role: ApplicationRole, kind: NoteKind) {
  return decideApplication(submit({ role, note: note('n-srb-1', 'SRB', kind), applicant: 'SRB' }), initialApplication, csto);
}

describe('an application for membership (Charter Art. 19)', () => {
  it('a state asks to join by its own accession request, and the case opens before the Council with the criteria of Art. 19', () => {
    spec.given([]).when(submit()).then([submitted]);
  });

  it('every criterion of admission cites Art. 19 of the Charter', () => {
    expect(admission?.criteria?.map((c) => [c.id, c.cites])).toEqual([
      ['shares-aims-and-principles', ['charter:19']],
      ['accepts-obligations', ['charter:19']],
    ]);
  });

  it('a state that has left the Organization may apply to be admitted again', () => {
    spec.given([]).when(submit({ applicant: 'UZB', note: note('n-uzb-1', 'UZB', 'accession-request'), standing: standing('member', 'withdrawn') })).thenState((s) => {
      expect(s).toMatchObject({ status: 'open', applicant: 'UZB', change: 'admit' });
    });
  });

  it('an applicant that is not an ISO 3166-1 alpha-3 code of a state is refused', () => {
    spec.given([]).when(submit({ applicant: 'MON', note: note('n-1', 'MON', 'accession-request') })).thenRefuses({ code: 'invalid', field: 'state' });
  });

  it("a request carried by another state's note is refused", () => {
    spec.given([]).when(submit({ note: note('n-rus-1', 'RUS', 'accession-request') })).thenRefuses({ code: 'invalid', field: 'note', message: expect.stringContaining("carried by another state's note") as string });
  });

  it('a request for membership must be an accession request, not an observer request', () => {
    spec.given([]).when(submit({ note: note('n-mng-1', 'MNG', 'observer-request') })).thenRefuses({ code: 'invalid', field: 'note' });
  });

  it('a request is not submitted before the date its note bears', () => {
    spec.given([]).when(submit({ submittedOn: '2026-03-01' })).thenRefuses({ code: 'invalid', field: 'submittedOn' });
  });

  it('a state with a case already open cannot open another', () => {
    spec.given([]).when(submit({ openCase: 'c-7' })).thenRefuses({ code: 'conflict', field: 'state' });
  });

  it('a case that exists already cannot be submitted again', () => {
    spec.given([submitted]).when(submit()).thenRefuses({ code: 'conflict', field: 'id' });
  });

  it('a member cannot apply for the membership it holds', () => {
    spec.given([]).when(submit({ standing: standing('member', 'member') })).thenRefuses({ code: 'not-allowed', field: 'status', message: 'MNG already holds member status' });
  });

  it('a suspended member is not admitted again: its suspension is lifted instead', () => {
    spec.given([]).when(submit({ standing: standing('member', 'suspended') })).thenRefuses({ code: 'not-allowed', field: 'status' });
  });
});

describe('an application for observer or partner status', () => {
  it('observer status is asked for by an observer request and measured against Art. 21 and the Regulation on Observer status', () => {
    const result = submittedFor('observer', 'observer-request');
    expect(result).toMatchObject({ ok: true, events: [{ data: { change: 'grant', body: 'collective-security-council', cites: ['charter:21', 'observer-regulation:criteria'] } }] });
    expect(result.ok && criteriaOf(result.events)).toEqual(['written-request', 'un-member', 'diplomatic-relations', 'peaceful-settlement']);
  });

  it('partner status is asked for by a partner request and measured against the Regulation on Partner status', () => {
    const result = submittedFor('partner', 'partner-request');
    expect(result).toMatchObject({ ok: true, events: [{ data: { role: 'partner', change: 'grant', cites: ['partner-regulation:criteria', 'charter-protocols-2018:no3'] } }] });
    expect(result.ok && criteriaOf(result.events)).toEqual(['un-member', 'diplomatic-relations', 'no-conflicting-obligations', 'takes-part-in-actions']);
  });

  it('a request for partner status carried by an accession request is refused', () => {
    expect(submittedFor('partner', 'accession-request')).toMatchObject({ ok: false, refusal: { code: 'invalid', field: 'note' } });
  });

  it('a member is not granted observer status, which is for states outside the Organization', () => {
    spec
      .given([])
      .when(submit({ applicant: 'ARM', role: 'observer', note: note('n-arm-1', 'ARM', 'observer-request'), standing: standing('member', 'member') }))
      .thenRefuses({ code: 'not-allowed', field: 'status' });
  });

  it('an observer does not apply again for the status it holds', () => {
    spec
      .given([])
      .when(submit({ applicant: 'SRB', role: 'observer', note: note('n-srb-1', 'SRB', 'observer-request'), standing: standing('observer', 'granted') }))
      .thenRefuses({ code: 'not-allowed', field: 'status', message: 'SRB already holds observer status' });
  });

  it('a framework without an observer rule takes no application for observer status (NATO)', () => {
    const result = decideApplication(submit({ applicant: 'SRB', role: 'observer', note: note('n-srb-1', 'SRB', 'observer-request') }), initialApplication, shipped('nato'));
    expect(result).toMatchObject({ ok: false, refusal: { code: 'not-provided', field: 'status' } });
  });
});

describe('what the framework requires of a case', () => {
  it('a framework that names no deciding body cannot take a case (OSCE suspension)', () => {
    expect(requirementsOf(shipped('osce'), 'member', 'suspend')).toMatchObject({ ok: false, refusal: { code: 'not-provided', field: 'change' } });
  });

  it('admission to the EU is decided by the Council as a unanimity question (Art. 49 TEU)', () => {
    expect(requirementsOf(shipped('eu-council'), 'member', 'admit')).toMatchObject({ ok: true, value: { body: 'council', question: 'unanimity', cites: ['teu:49'] } });
  });

  it('a change that does not fit the role is refused (a member is not "granted")', () => {
    expect(requirementsOf(csto, 'member', 'grant')).toMatchObject({ ok: false, refusal: { code: 'not-allowed', field: 'status' } });
  });

  it('each case has a stream of its own', () => {
    expect(applicationStream('c-1')).toBe('application-c-1');
  });
});

describe('a proposal on a standing held (Charter Art. 20 and 21)', () => {
  it('a suspension of a member is proposed to the Collective Security Council with the articles of Art. 20', () => {
    spec
      .given([])
      .when(propose())
      .then([
        {
          type: 'ApplicationSubmitted',
          validAt: '2026-04-01',
          data: {
            applicant: 'ARM',
            role: 'member',
            change: 'suspend',
            noteId: null,
            decisionId: 'd-suspend-arm',
            body: 'collective-security-council',
            question: 'substantive',
            criteria: [],
            cites: ['charter:20', 'regulations-2004:suspension-expulsion'],
          },
        },
      ]);
  });

  it("a member's own request to suspend carries the proposal to suspend it (Uzbekistan, 2012)", () => {
    spec.given([]).when(propose({ party: 'UZB', note: note('n-uzb-2012', 'UZB', 'request-to-suspend', '2012-06-28'), proposedOn: '2012-07-01' })).thenState((s) => {
      expect(s).toMatchObject({ status: 'open', applicant: 'UZB', change: 'suspend', noteId: 'n-uzb-2012' });
    });
  });

  it("a request to suspend a member sent by another state is refused", () => {
    spec.given([]).when(propose({ note: note('n-rus-1', 'RUS', 'request-to-suspend', '2026-03-30') })).thenRefuses({ code: 'invalid', field: 'note' });
  });

  it('a state that has withdrawn cannot be suspended', () => {
    spec.given([]).when(propose({ standing: standing('member', 'withdrawn') })).thenRefuses({ code: 'not-allowed', field: 'change' });
  });

  it('observer status that a state does not hold cannot be annulled', () => {
    spec.given([]).when(propose({ party: 'SRB', role: 'observer', change: 'annul', standing: none })).thenRefuses({ code: 'not-allowed', field: 'change' });
  });

  it('admission is applied for by the state, not proposed', () => {
    const admit = { ...propose(), change: 'admit' } as unknown as ApplicationCommand;
    spec.given([]).when(admit).thenRefuses({ code: 'invalid', field: 'change' });
  });

  it('a party with another case open is not proposed for a second', () => {
    spec.given([]).when(propose({ openCase: 'c-3' })).thenRefuses({ code: 'conflict', field: 'state' });
  });
});

describe("the officer's findings on the criteria", () => {
  it('a finding on a criterion is recorded with the registered document it rests on', () => {
    spec
      .given([submitted])
      .when({ kind: 'assess', criterion: 'shares-aims-and-principles', met: true, evidence, assessedOn: '2026-03-21', by: 'officer-1' })
      .then([assessed('shares-aims-and-principles', true)]);
  });

  it('a finding on a criterion the framework does not set is refused', () => {
    spec.given([submitted]).when({ kind: 'assess', criterion: 'un-member', met: true, evidence, assessedOn: '2026-03-21', by: 'officer-1' }).thenRefuses({ code: 'not-found', field: 'criterion' });
  });

  it('a finding cannot rest on a document dated after it', () => {
    spec.given([submitted]).when({ kind: 'assess', criterion: 'accepts-obligations', met: true, evidence, assessedOn: '2026-03-19', by: 'officer-1' }).thenRefuses({ code: 'invalid', field: 'evidence' });
  });

  it('a criterion may be assessed again, and the latest finding counts', () => {
    spec
      .given([submitted, assessed('accepts-obligations', false)])
      .when({ kind: 'assess', criterion: 'accepts-obligations', met: true, evidence: note('n-mng-3', 'MNG', 'other', '2026-03-25'), assessedOn: '2026-03-26', by: 'officer-2' })
      .thenState((s) => {
        expect(s.assessments['accepts-obligations']).toEqual({ met: true, evidence: 'n-mng-3', by: 'officer-2', on: '2026-03-26' });
      });
  });

  it('no finding is recorded on a case that does not exist', () => {
    spec.given([]).when({ kind: 'assess', criterion: 'accepts-obligations', met: true, evidence, assessedOn: '2026-03-21', by: 'officer-1' }).thenRefuses({ code: 'not-found', field: 'id' });
  });

  it('no finding is recorded once the case is closed', () => {
    spec.given([submitted, withdrawn]).when({ kind: 'assess', criterion: 'accepts-obligations', met: true, evidence, assessedOn: '2026-04-11', by: 'officer-1' }).thenRefuses({ code: 'wrong-status', field: 'status' });
  });

  it('the assessment lists each criterion as met or unanswered, with the evidence of each finding', () => {
    const state = [submitted, assessed('shares-aims-and-principles', true)].reduce(evolveApplication, initialApplication);
    expect(assessmentOf(state)).toEqual([
      { id: 'shares-aims-and-principles', text: admission?.criteria?.[0]?.text, cites: ['charter:19'], assessment: 'met', evidence: 'n-mfa-report', by: 'officer-1' },
      { id: 'accepts-obligations', text: admission?.criteria?.[1]?.text, cites: ['charter:19'], assessment: 'unanswered' },
    ]);
  });

  it('a criterion found not met is listed as unmet, with the officer who found it', () => {
    const state = [submitted, assessed('accepts-obligations', false)].reduce(evolveApplication, initialApplication);
    expect(assessmentOf(state).find((c) => c.id === 'accepts-obligations')).toMatchObject({ assessment: 'unmet', evidence: 'n-mfa-report', by: 'officer-1' });
  });

  it('the assessment shows the latest finding when a criterion was assessed twice', () => {
    const state = [submitted, assessed('accepts-obligations', false), assessed('accepts-obligations', true, '2026-03-28')].reduce(evolveApplication, initialApplication);
    expect(assessmentOf(state).find((c) => c.id === 'accepts-obligations')?.assessment).toBe('met');
  });
});

describe('the end of a case', () => {
  it('the applicant withdraws its application by its own note', () => {
    spec.given([submitted]).when({ kind: 'withdraw', note: note('n-mng-2', 'MNG', 'other', '2026-04-09'), withdrawnOn: '2026-04-10' }).then([withdrawn]);
  });

  it("a withdrawal carried by another state's note is refused", () => {
    spec.given([submitted]).when({ kind: 'withdraw', note: note('n-rus-2', 'RUS', 'other', '2026-04-09'), withdrawnOn: '2026-04-10' }).thenRefuses({ code: 'invalid', field: 'note' });
  });

  it('a case already closed cannot be withdrawn', () => {
    spec.given([submitted, withdrawn]).when({ kind: 'withdraw', note: note('n-mng-4', 'MNG', 'other', '2026-04-11'), withdrawnOn: '2026-04-12' }).thenRefuses({ code: 'wrong-status', field: 'status' });
  });

  it('an open case lapses, with its reason recorded', () => {
    spec
      .given([submitted])
      .when({ kind: 'lapse', reason: 'the documents asked for were not provided', lapsedOn: '2027-03-05' })
      .thenState((s) => {
        expect(s).toMatchObject({ status: 'lapsed', concludedOn: '2027-03-05', lapseReason: 'the documents asked for were not provided' });
      });
  });

  it('a closed case cannot lapse', () => {
    spec.given([submitted, withdrawn]).when({ kind: 'lapse', reason: 'late', lapsedOn: '2027-03-05' }).thenRefuses({ code: 'wrong-status', field: 'status' });
  });

  it("an adopted decision whose effect was applied concludes the case as adopted, citing the decision's act", () => {
    spec
      .given([submitted])
      .when({ kind: 'conclude', decisionId: 'd-admit-mng', outcome: 'adopted', decidedOn: '2026-11-27', effect: { applied: true, act: 'Decision d-admit-mng of the collective-security-council' } })
      .then([{ type: 'ApplicationConcluded', validAt: '2026-11-27', data: { decisionId: 'd-admit-mng', outcome: 'adopted', applied: true, act: 'Decision d-admit-mng of the collective-security-council' } }]);
  });

  it('an adopted decision leaves the case adopted, with the effect applied', () => {
    spec
      .given([submitted])
      .when({ kind: 'conclude', decisionId: 'd-admit-mng', outcome: 'adopted', decidedOn: '2026-11-27', effect: { applied: true, act: 'Decision d-admit-mng' } })
      .thenState((s: ApplicationState) => {
        expect(s).toMatchObject({ status: 'adopted', concludedOn: '2026-11-27', effect: { applied: true, act: 'Decision d-admit-mng' } });
      });
  });

  it('a rejected decision concludes the case as rejected, with the reason the standing did not change', () => {
    spec
      .given([submitted])
      .when({ kind: 'conclude', decisionId: 'd-admit-mng', outcome: 'rejected', decidedOn: '2026-11-27', effect: { applied: false, reason: 'an official objection blocked consensus' } })
      .thenState((s) => {
        expect(s).toMatchObject({ status: 'rejected', outcome: 'rejected', effect: { applied: false, reason: 'an official objection blocked consensus' } });
      });
  });

  it('a contested decision does not admit: the case is rejected, with the reason', () => {
    spec
      .given([submitted])
      .when({ kind: 'conclude', decisionId: 'd-admit-mng', outcome: 'contested', decidedOn: '2026-11-27', effect: { applied: false, reason: 'a member was absent without notice' } })
      .thenState((s) => {
        expect(s).toMatchObject({ status: 'rejected', outcome: 'contested' });
      });
  });

  it('a decision that was not adopted has no effect to apply', () => {
    spec
      .given([submitted])
      .when({ kind: 'conclude', decisionId: 'd-admit-mng', outcome: 'rejected', decidedOn: '2026-11-27', effect: { applied: true, act: 'x' } })
      .thenRefuses({ code: 'invalid', field: 'effect' });
  });

  it('only the decision named when the case opened concludes it', () => {
    spec
      .given([submitted])
      .when({ kind: 'conclude', decisionId: 'd-other', outcome: 'adopted', decidedOn: '2026-11-27', effect: { applied: true, act: 'Decision d-other' } })
      .thenRefuses({ code: 'invalid', field: 'decisionId' });
  });

  it('a case already concluded is not concluded again', () => {
    const concluded: ApplicationEvent = { type: 'ApplicationConcluded', validAt: '2026-11-27', data: { decisionId: 'd-admit-mng', outcome: 'adopted', applied: true, act: 'a' } };
    spec
      .given([submitted, concluded])
      .when({ kind: 'conclude', decisionId: 'd-admit-mng', outcome: 'adopted', decidedOn: '2026-11-28', effect: { applied: true, act: 'a' } })
      .thenRefuses({ code: 'wrong-status', field: 'status' });
  });
});
