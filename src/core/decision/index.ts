export {
  awaitedFrom,
  boundNow,
  outcomeOf,
  decideDecision,
  evolveDecision,
  initialDecision,
  type DecisionCommand,
  type DecisionDecision,
  type DecisionEvent,
  type DecisionRefusal,
  type DecisionState,
  type DecisionStatus,
  type Localized,
  type PositionDocument,
  type ProcedureWord,
} from './decision.js';

/** Every decision is a stream of its own. */
export const DECISION_STREAMS = 'decision-';

export function decisionStream(id: string): string {
  return `${DECISION_STREAMS}${id}`;
}

export function decisionOfStream(streamId: string): string | undefined {
  return streamId.startsWith(DECISION_STREAMS) ? streamId.slice(DECISION_STREAMS.length) : undefined;
}
