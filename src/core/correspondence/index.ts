export { NOTE_KINDS, type NoteKind, type OfficialNote, type PublicStatement } from './documents.js';
export {
  backdating,
  backdatingDays,
  DEFAULT_BACKDATING_DAYS,
  LATEST_NOTE_DATE,
  recordStatement,
  registerNote,
  type NoteContext,
  type RecordDecided,
  type RecordRefusal,
  type RegisterEvent,
} from './register.js';
export { NOTE_STREAMS, noteStream, STATEMENT_STREAMS, statementStream } from './streams.js';
