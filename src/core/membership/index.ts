export {
  decideStanding,
  evolveStanding,
  initialStanding,
  type AssociateStatus,
  type MemberStatus,
  type Role,
  type StandingBasis,
  type StandingChange,
  type StandingCommand,
  type StandingDecision,
  type StandingEvent,
  type StandingRefusal,
  type StandingState,
  type Status,
} from './standing.js';
export { historyFromPack, inBothLanguages, partyStream, type PartyHistory } from './history.js';
export { endOfDay, standingAt, type PartyStanding, type TimelineChange } from './view.js';
