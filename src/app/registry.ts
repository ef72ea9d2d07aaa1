/**
 * The registry's commands and questions: official notes, public statements, participation,
 * the standing decisions of bodies, the timers that close notice periods, and "status of X on
 * date D as known on date K".
 */
import { randomUUID } from 'node:crypto';
import { noteStream, recordStatement, registerNote, statementStream, type OfficialNote, type PublicStatement } from '../core/correspondence/index.js';
import {
  decideStanding,
  endOfDay,
  evolveStanding,
  initialStanding,
  partyStream,
  standingAt,
  type PartyStanding,
  type Role,
  type StandingChange,
  type StandingCommand,
  type StandingEvent,
  type Status,
  type TimelineChange,
} from '../core/membership/index.js';
import { readStream, type LedgerEntry, type StreamAppend } from '../ledger/index.js';
import type { TimelineRow } from '../store/schema.js';
import type { Concord } from './concord.js';

export interface Actor {
  readonly actor: string;
  readonly idempotencyKey?: string | undefined;
}

export interface Refusal {
  readonly code: 'refused' | 'conflict' | 'idempotency-key-reused';
  readonly field: string;
  readonly message: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T; readonly entries: readonly LedgerEntry[] } | { readonly ok: false; readonly refusal: Refusal };

export const TIMER_ACTOR = 'concord:timer';

// ── Commands ────────────────────────────────────────────────────────────────────────────────

/** A note verbale entered in the register; a withdrawal notice also starts the notice period. */
export async function registerOfficialNote(c: Concord, note: Omit<OfficialNote, 'id'>, by: Actor): Promise<Outcome<OfficialNote>> {
  const full: OfficialNote = { ...note, id: randomUUID() };
  const recorded = registerNote(full, c.today());
  if (!recorded.ok) return refused(recorded.refusal.field, recorded.refusal.message);
  const noteAppend: StreamAppend = { streamId: noteStream(full.id), expectedVersion: 0, events: [recorded.event] };
  if (full.kind !== 'withdrawal-notice') return appended(c, [noteAppend], by, full);
  return runStandingCommand(c, full.sender, { kind: 'notify-withdrawal', noteId: full.id, notifiedOn: full.dated }, by, [noteAppend], full);
}

/** A statement in the press: recorded, and never a change of standing. */
export async function recordPublicStatement(c: Concord, statement: Omit<PublicStatement, 'id'>, by: Actor): Promise<Outcome<PublicStatement>> {
  const full: PublicStatement = { ...statement, id: randomUUID() };
  const recorded = recordStatement(full, c.today());
  if (!recorded.ok) return refused(recorded.refusal.field, recorded.refusal.message);
  return appended(c, [{ streamId: statementStream(full.id), expectedVersion: 0, events: [recorded.event] }], by, full);
}

export async function recordParticipation(c: Concord, party: string, change: { participating: boolean; since: string; basis: string }, by: Actor): Promise<Outcome<null>> {
  return runStandingCommand(c, party, { kind: 'record-participation', ...change }, by, [], null);
}

export async function applyStandingDecision(
  c: Concord,
  party: string,
  decision: { role: Role; change: StandingChange; body: string; reference: string; decidedOn: string },
  by: Actor,
): Promise<Outcome<null>> {
  return runStandingCommand(c, party, { kind: 'apply-decision', ...decision }, by, [], null);
}

/** Closes every notice period that has run; safe to call at any time, and on every start. */
export async function fireDueTimers(c: Concord): Promise<number> {
  const today = c.today();
  const due = await c.database.db.selectFrom('projection_timers').selectAll().where('fired_seq', 'is', null).where('due_at', '<=', today).orderBy('due_at').execute();
  let fired = 0;
  for (const timer of due) {
    const { party } = JSON.parse(timer.payload) as { party: string };
    const result = await runStandingCommand(c, party, { kind: 'take-effect', timerId: timer.id, today }, { actor: TIMER_ACTOR, idempotencyKey: `timer:${timer.id}` }, [], null);
    if (result.ok) fired++;
  }
  return fired;
}

async function runStandingCommand<T>(c: Concord, party: string, command: StandingCommand, by: Actor, alongside: StreamAppend[], value: T): Promise<Outcome<T>> {
  const history = await readStream(c.database, partyStream(party));
  const state = history.map(asStandingEvent).reduce(evolveStanding, initialStanding);
  const decision = decideStanding(command, state, c.pack, party);
  if (!decision.ok) return refused(decision.refusal.field, decision.refusal.message);
  return appended(c, [...alongside, { streamId: partyStream(party), expectedVersion: history.length, events: decision.events }], by, value);
}

async function appended<T>(c: Concord, requests: StreamAppend[], by: Actor, value: T): Promise<Outcome<T>> {
  const result = await c.append(requests, { actor: by.actor, idempotencyKey: by.idempotencyKey });
  if (result.ok) return { ok: true, value, entries: result.entries };
  if (result.code === 'conflict') return { ok: false, refusal: { code: 'conflict', field: result.streamId, message: `${result.streamId} changed meanwhile (version ${result.actual}, expected ${result.expected}); read it again and retry` } };
  return { ok: false, refusal: { code: 'idempotency-key-reused', field: 'idempotencyKey', message: `key "${result.key}" was already used for a different request` } };
}

function refused(field: string, message: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { code: 'refused', field, message } };
}

function asStandingEvent(entry: LedgerEntry): StandingEvent {
  return { type: entry.type, validAt: entry.validAt, data: entry.data } as StandingEvent;
}

// ── Questions ───────────────────────────────────────────────────────────────────────────────

export interface AsOf {
  /** The date whose legal situation is asked about. */
  readonly asOf: string;
  /** What the secretariat knew by the end of this day (default: everything recorded). */
  readonly knownAt: string;
}

export async function registryAt(c: Concord, when: AsOf): Promise<PartyStanding[]> {
  const rows = await c.database.db.selectFrom('projection_timeline').selectAll().orderBy('seq').execute();
  return standingAt(rows.map(toChange), when.asOf, when.knownAt);
}

export interface PartyRecord {
  readonly standing: PartyStanding | undefined;
  readonly history: readonly TimelineChange[];
  /** Official notes from this state on record by `knownAt`, dated on or before `asOf`. */
  readonly notes: readonly OfficialNote[];
  /** Public statements about or by this state: shown apart, never a basis for a status. */
  readonly statements: readonly PublicStatement[];
}

export async function partyRecordAt(c: Concord, party: string, when: AsOf): Promise<PartyRecord> {
  const known = endOfDay(when.knownAt);
  const rows = await c.database.db.selectFrom('projection_timeline').selectAll().where('party', '=', party).orderBy('seq').execute();
  const changes = rows.map(toChange);
  const notes = await c.database.db
    .selectFrom('projection_correspondence')
    .selectAll()
    .where('sender', '=', party)
    .where('dated', '<=', when.asOf)
    .where('known_from', '<=', known)
    .orderBy('dated')
    .execute();
  const statements = await c.database.db
    .selectFrom('projection_statements')
    .selectAll()
    .where('state', '=', party)
    .where('said_on', '<=', when.asOf)
    .where('known_from', '<=', known)
    .orderBy('said_on')
    .execute();
  return {
    standing: standingAt(changes, when.asOf, when.knownAt)[0],
    history: changes.filter((ch) => ch.knownFrom <= known),
    notes: notes.map((n) => ({ id: n.id, sender: n.sender, authority: n.authority, reference: n.reference, dated: n.dated, kind: n.kind as OfficialNote['kind'], subject: n.subject })),
    statements: statements.map((s) => ({ id: s.id, speaker: s.speaker, state: s.state, venue: s.venue, saidOn: s.said_on, url: s.url, summary: s.summary })),
  };
}

function toChange(row: TimelineRow): TimelineChange {
  return {
    seq: row.seq,
    party: row.party,
    role: row.role as Role,
    change: row.change as TimelineChange['change'],
    status: row.status as Status | null,
    participating: row.participating === null ? null : row.participating === 1,
    validFrom: row.valid_from,
    knownFrom: row.known_from,
    act: row.act,
    cites: JSON.parse(row.cites) as string[],
    reconstructed: row.reconstructed === 1,
  };
}
