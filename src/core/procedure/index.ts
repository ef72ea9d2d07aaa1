export { decide } from './decide.js';
export { inContractWords } from './wording.js';
export { parseDecideInput, isCalendarDate, normalizeInstant, DecideInputSchema, type ParsedInput } from './input.js';
export { ISO_ALPHA3 } from './iso-3166.js';
export { meetsShare, parseShare, type Share } from './share.js';
export {
  POSITION_WORDS,
  type CastPosition,
  type DecideInput,
  type DecideOptions,
  type DecideResult,
  type Ruling,
  type OutcomeWord,
  type PositionWord,
  type Refusal,
  type TraceEntry,
} from './types.js';
