export {
  decideSession,
  evolveSession,
  initialSession,
  sessionStream,
  type SessionCommand,
  type SessionDecision,
  type SessionEvent,
  type SessionRefusal,
  type SessionState,
} from './session.js';
