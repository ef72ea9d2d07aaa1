export { NOTE_KINDS, type NoteKind, type OfficialNote, type PublicStatement } from './documents.js';
export {
  noteStream,
  recordStatement,
  registerNote,
  statementStream,
  type RecordDecision,
  type RecordRefusal,
  type RegisterEvent,
} from './register.js';
