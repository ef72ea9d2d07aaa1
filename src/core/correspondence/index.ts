export {
  NOTE_KINDS,
  noteStream,
  recordStatement,
  registerNote,
  statementStream,
  type NoteKind,
  type OfficialNote,
  type PublicStatement,
  type RecordDecision,
  type RecordRefusal,
  type RegisterEvent,
} from './register.js';
