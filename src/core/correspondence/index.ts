export { NOTE_KINDS, type NoteKind, type OfficialNote, type PublicStatement } from './documents.js';
export {
  recordStatement,
  registerNote,
  type RecordDecided,
  type RecordRefusal,
  type RegisterEvent,
} from './register.js';
export { NOTE_STREAMS, noteStream, STATEMENT_STREAMS, statementStream } from './streams.js';
