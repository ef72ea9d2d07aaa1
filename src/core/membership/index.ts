export {
  changeAllowed,
  changeFitsRole,
  decideStanding,
  evolveStanding,
  initialStanding,
  standingRuleFor,
  transitionAllowed,
  type AssociateRole,
  type AssociateStatus,
  type MemberStatus,
  type Role,
  type StandingBasis,
  type StandingChange,
  type StandingCommand,
  type StandingDecided,
  type StandingEvent,
  type StandingRefusal,
  type StandingRuleKind,
  type StandingState,
  type Status,
} from './standing.js';
export { historyFromPack, inBothLanguages, type PartyHistory } from './history.js';
export { PARTY_STREAMS, partyOfStream, partyStream } from './streams.js';
export { endOfDay, standingAt, type PartyStanding, type TimelineChange } from './view.js';
export { associateRights, informedOf, type AssociateRights } from './rights.js';
