export {
  decideSession,
  evolveSession,
  initialSession,
  SESSION_STREAMS,
  sessionOfStream,
  sessionStream,
  type SessionCommand,
  type SessionDecision,
  type SessionEvent,
  type SessionRefusal,
  type SessionState,
} from './session.js';
