export {
  decideSession,
  evolveSession,
  initialSession,
  type SessionCommand,
  type SessionDecided,
  type SessionEvent,
  type SessionRefusal,
  type SessionState,
} from './session.js';
export { SESSION_STREAMS, sessionOfStream, sessionStream } from './streams.js';
