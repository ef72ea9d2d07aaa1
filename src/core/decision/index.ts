export {
  awaitedFrom,
  boundNow,
  outcomeOf,
  decideDecision,
  evolveDecision,
  initialDecision,
  type DecisionCommand,
  type DecisionDecided,
  type DecisionEvent,
  type DecisionRefusal,
  type DecisionState,
  type DecisionStatus,
  type Localized,
  type PositionDocument,
  type ProcedureWord,
} from './decision.js';

export { DECISION_STREAMS, decisionOfStream, decisionStream } from './streams.js';
