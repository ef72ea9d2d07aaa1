/**
 * The official correspondence register and the record of public statements, kept apart: a note
 * verbale registered here is an official act and may change a legal standing; a statement in the
 * press is recorded for what it is and never does.
 */
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { Pack } from '../framework/index.js';
import { isCalendarDate, ISO_ALPHA3 } from '../procedure/index.js';
import { NOTE_KINDS, type OfficialNote, type PublicStatement } from './documents.js';

export type RegisterEvent =
  | { readonly type: 'NoteRegistered'; readonly validAt: string; readonly data: OfficialNote }
  | { readonly type: 'StatementRecorded'; readonly validAt: string; readonly data: PublicStatement };

export interface RecordRefusal {
  /** Set when the refusal is more than a malformed field: what the caller can do about it. */
  readonly code?: 'backdating-reason-required';
  readonly field: string;
  readonly message: string;
}

export type RecordDecided<E extends RegisterEvent = RegisterEvent> = { readonly ok: true; readonly event: E } | { readonly ok: false; readonly refusal: RecordRefusal };

/** What a note is checked against besides itself. */
export interface NoteContext {
  /** The day it is registered, at the secretariat. */
  readonly registeredOn: string;
  /** The latest date anywhere at that moment: a sender east of the secretariat may already write it. */
  readonly latestDate: string;
  /** The day the organization was founded: its register holds nothing older. */
  readonly founded: string;
  /** The first day the sender was a member, if it ever was one. */
  readonly memberSince: string | undefined;
  /** How many days after its date a note may be entered without a stated reason. */
  readonly backdatingDays: number;
}

/** A later date is a slip of the keyboard, not the date of a note. */
export const LATEST_NOTE_DATE = '2100-12-31';

/**
 * The secretariat's own setting, not a rule of any treaty: notes are entered as they arrive, so
 * one entered a whole season after its date is asked why (a pack may set another period).
 */
export const DEFAULT_BACKDATING_DAYS = 90;

export function backdatingDays(pack: Pack): number {
  return pack.correspondence?.backdatingDays ?? DEFAULT_BACKDATING_DAYS;
}

/**
 * A note the register has not seen before. One entered long after its date, or dated before its
 * sender was a member, rewrites what the register said about that time: it is registered only
 * with the reason it comes now, and the reason is kept with it.
 */
export function registerNote(note: OfficialNote, context: NoteContext): RecordDecided<Extract<RegisterEvent, { type: 'NoteRegistered' }>> {
  const problem =
    stateProblem(note.sender, 'sender') ??
    required(note.authority, 'authority') ??
    required(note.reference, 'reference') ??
    noteDateProblem(note.dated, context) ??
    (NOTE_KINDS.includes(note.kind) ? undefined : { field: 'kind', message: `expected one of: ${NOTE_KINDS.join(', ')}` }) ??
    required(note.subject, 'subject') ??
    unexplainedBackdating(note, context);
  if (problem) return { ok: false, refusal: problem };
  const { backdatingReason, ...rest } = note;
  const reason = backdatingReason?.trim();
  return { ok: true, event: { type: 'NoteRegistered', validAt: note.dated, data: reason ? { ...rest, backdatingReason: reason } : rest } };
}

/** Why a note's date needs a reason to be registered now, or undefined when it needs none. */
export function backdating(note: Pick<OfficialNote, 'sender' | 'dated'>, context: NoteContext): string | undefined {
  if (context.memberSince !== undefined && note.dated < context.memberSince) return `the note is dated ${note.dated}, before ${note.sender} became a member (${context.memberSince})`;
  const days = differenceInCalendarDays(parseISO(context.registeredOn), parseISO(note.dated));
  return days > context.backdatingDays ? `the note is dated ${note.dated}, ${days} days before it is registered (more than ${context.backdatingDays})` : undefined;
}

function unexplainedBackdating(note: OfficialNote, context: NoteContext): RecordRefusal | undefined {
  if ((note.backdatingReason ?? '').trim() !== '') return undefined;
  const why = backdating(note, context);
  return why === undefined ? undefined : { code: 'backdating-reason-required', field: 'backdatingReason', message: `${why}: give the reason it is registered only now` };
}

function noteDateProblem(date: string, context: NoteContext): RecordRefusal | undefined {
  if (isCalendarDate(date) && date > LATEST_NOTE_DATE) return { field: 'dated', message: `${date} is after ${LATEST_NOTE_DATE}, the last date a note may bear` };
  if (isCalendarDate(date) && date < context.founded) return { field: 'dated', message: `${date} is before the organization was founded (${context.founded})` };
  return dateProblem(date, 'dated', context.latestDate);
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
