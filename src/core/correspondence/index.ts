export { NOTE_KINDS, type NoteKind, type OfficialNote, type PublicStatement } from './documents.js';
export {
  NOTE_STREAMS,
  noteStream,
  recordStatement,
  registerNote,
  STATEMENT_STREAMS,
  statementStream,
  type RecordDecision,
  type RecordRefusal,
  type RegisterEvent,
} from './register.js';
