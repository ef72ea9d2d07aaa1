/**
 * A decision's closing concludes the case it decides, in the same transaction: adopted, the
 * change of standing is applied to the registry on the day the decision was taken, citing it,
 * with no further step; rejected, or contested because a member stayed away without a word, the
 * case is concluded and nothing changes. A change the registry refuses by then (the state was
 * admitted meanwhile by another act) is recorded as not applied, with the registry's reason.
 */
import { applicationStream, decideApplication, type ApplicationState, type CaseEffect } from '../../core/applications/index.js';
import { decisionOfStream, evolveDecision, type DecisionEvent } from '../../core/decision/index.js';
import { decideStanding, evolveStanding, initialStanding, partyStream } from '../../core/membership/index.js';
import type { StreamAppend } from '../../ledger/index.js';
import { foldDecision, foldStream, type Concord } from '../../app/index.js';
import type { Appending, Reaction } from '../module.js';
import { foldApplication } from './handlers.js';
import { TABLE, withApplications } from './read-model.js';

type Closed = Extract<DecisionEvent, { type: 'DecisionClosed' }>;

export const concludeOnDecision: Reaction = {
  on: ['DecisionClosed'],
  react: async (c, event) => {
    const decisionId = decisionOfStream(event.streamId);
    if (decisionId === undefined) return [];
    const row = await withApplications(c.database.db).selectFrom(TABLE).select('id').where('decision_id', '=', decisionId).where('status', '=', 'open').executeTakeFirst();
    if (!row) return [];
    const { state, version } = await foldApplication(c, row.id);
    const closed = event as Appending & Closed;
    const decidedOn = evolveDecision((await foldDecision(c, decisionId)).state, closed).closedOn ?? closed.validAt;
    const outcome = closed.data.result.outcome;
    const effect = outcome === 'adopted' ? await standingChange(c, state, decisionId, decidedOn) : { appends: [], effect: notApplied(state, decisionId, outcome) };
    const concluded = decideApplication({ kind: 'conclude', decisionId, outcome, decidedOn, effect: effect.effect }, state, c.pack);
    // Only an open case is looked up, and its decision is taken on or after the day it opened: a
    // refusal here is a bug, and the close must not go through leaving the case open.
    if (!concluded.ok) throw new Error(`case ${row.id} cannot be concluded by ${decisionId}: ${concluded.refusal.field}: ${concluded.refusal.message}`);
    return [{ streamId: applicationStream(row.id), expectedVersion: version, events: concluded.events }, ...effect.appends];
  },
};

async function standingChange(c: Concord, state: ApplicationState, decisionId: string, decidedOn: string): Promise<{ appends: StreamAppend[]; effect: CaseEffect }> {
  const stream = partyStream(state.applicant);
  const party = await foldStream(c, stream, evolveStanding, initialStanding);
  const decided = decideStanding(
    { kind: 'apply-decision', role: state.role ?? 'member', change: state.change ?? 'admit', body: state.body, reference: decisionId, decidedOn },
    party.state,
    c.pack,
    state.applicant,
  );
  if (!decided.ok) return { appends: [], effect: { applied: false, reason: `the registry refused the change: ${decided.refusal.message}` } };
  const act = decided.events.map((e) => (e.type === 'StandingChanged' ? e.data.act : e.type)).join('; ');
  return { appends: [{ streamId: stream, expectedVersion: party.version, events: decided.events }], effect: { applied: true, act } };
}

function notApplied(state: ApplicationState, decisionId: string, outcome: string): CaseEffect {
  const why = outcome === 'contested' ? 'it was taken without the consent of every member, so it does not stand for the Organization as a whole' : 'it was not adopted';
  return { applied: false, reason: `decision ${decisionId} of the ${state.body} is ${outcome}: ${why}; the standing of ${state.applicant} is unchanged` };
}
