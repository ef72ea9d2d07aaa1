/**
 * The official correspondence register and the record of public statements, kept apart: a note
 * verbale registered here is an official act and may change a legal standing; a statement in the
 * press is recorded for what it is and never does.
 */
import { isCalendarDate, ISO_ALPHA3 } from '../procedure/index.js';
import { NOTE_KINDS, type OfficialNote, type PublicStatement } from './documents.js';


export type RegisterEvent =
  | { readonly type: 'NoteRegistered'; readonly validAt: string; readonly data: OfficialNote }
  | { readonly type: 'StatementRecorded'; readonly validAt: string; readonly data: PublicStatement };

export interface RecordRefusal {
  readonly field: string;
  readonly message: string;
}

export type RecordDecided = { readonly ok: true; readonly event: RegisterEvent } | { readonly ok: false; readonly refusal: RecordRefusal };

export function registerNote(note: OfficialNote, today: string): RecordDecided {
  const problem =
    stateProblem(note.sender, 'sender') ??
    required(note.authority, 'authority') ??
    required(note.reference, 'reference') ??
    dateProblem(note.dated, 'dated', today) ??
    (NOTE_KINDS.includes(note.kind) ? undefined : { field: 'kind', message: `expected one of: ${NOTE_KINDS.join(', ')}` }) ??
    required(note.subject, 'subject');
  if (problem) return { ok: false, refusal: problem };
  return { ok: true, event: { type: 'NoteRegistered', validAt: note.dated, data: note } };
}

export function recordStatement(statement: PublicStatement, today: string): RecordDecided {
  const problem =
    required(statement.speaker, 'speaker') ??
    stateProblem(statement.state, 'state') ??
    required(statement.venue, 'venue') ??
    dateProblem(statement.saidOn, 'saidOn', today) ??
    urlProblem(statement.url) ??
    required(statement.summary, 'summary');
  if (problem) return { ok: false, refusal: problem };
  return { ok: true, event: { type: 'StatementRecorded', validAt: statement.saidOn, data: statement } };
}

function required(value: string, field: string): RecordRefusal | undefined {
  return value.trim() === '' ? { field, message: 'is required' } : undefined;
}

function stateProblem(code: string, field: string): RecordRefusal | undefined {
  return ISO_ALPHA3.has(code) ? undefined : { field, message: `"${code}" is not an ISO 3166-1 alpha-3 code of a state` };
}

function dateProblem(date: string, field: string, today: string): RecordRefusal | undefined {
  if (!isCalendarDate(date)) return { field, message: `expected a date YYYY-MM-DD, got "${date}"` };
  if (date > today) return { field, message: `${date} is in the future (today is ${today})` };
  return undefined;
}

function urlProblem(url: string): RecordRefusal | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? undefined : { field: 'url', message: 'must be an http(s) link' };
  } catch {
    return { field: 'url', message: `"${url}" is not a link` };
  }
}
