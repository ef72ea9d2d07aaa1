/**
 * The registry's commands and questions: official notes, public statements, participation,
 * the standing decisions of bodies, the timers that close notice periods, and "status of X on
 * date D as known on date K".
 */
import { createHash, randomUUID } from 'node:crypto';
import { backdatingDays, noteStream, recordStatement, registerNote, statementStream, type OfficialNote, type PublicStatement } from '../core/correspondence/index.js';
import {
  decideStanding,
  endOfDay,
  evolveStanding,
  initialStanding,
  partyStream,
  standingAt,
  type AssociateRole,
  type PartyStanding,
  type Role,
  type StandingCommand,
  type Status,
  type TimelineChange,
} from '../core/membership/index.js';
import type { StreamAppend } from '../ledger/index.js';
import { appendAll, handle, refuse, type Actor, type Outcome } from './command.js';
import type { CorrespondenceRow, TimelineRow } from '../store/schema.js';
import { latestToday, type Concord } from './concord.js';


// ── Commands ────────────────────────────────────────────────────────────────────────────────

/**
 * A new record's id: derived from the idempotency key when there is one, so that the same
 * command sent again is the same request and is recognized as such.
 */
function recordId(by: Actor): string {
  return by.idempotencyKey === undefined ? randomUUID() : createHash('sha256').update(by.idempotencyKey).digest('hex').slice(0, 32);
}

/** A note verbale entered in the register; a withdrawal notice also starts the notice period. */
export async function registerOfficialNote(c: Concord, note: Omit<OfficialNote, 'id'>, by: Actor): Promise<Outcome<OfficialNote>> {
  const context = { registeredOn: c.today(), latestDate: latestToday(c), founded: c.pack.organization.founded, memberSince: await memberSince(c, note.sender), backdatingDays: backdatingDays(c.pack) };
  const recorded = registerNote({ ...note, id: recordId(by) }, context);
  if (!recorded.ok) return refuse(c, 'register note', { code: recorded.refusal.code ?? 'invalid', field: recorded.refusal.field, message: recorded.refusal.message }, by);
  const full = recorded.event.data;
  const noteAppend: StreamAppend = { streamId: noteStream(full.id), expectedVersion: 0, events: [recorded.event] };
  if (full.kind !== 'withdrawal-notice') return appendAll(c, [noteAppend], by, full, 'register note');
  return runStandingCommand(c, full.sender, { kind: 'notify-withdrawal', noteId: full.id, notifiedOn: full.dated }, by, [noteAppend], full);
}

/** The first day a party was a member, as the registry knows it now (its documented history included). */
async function memberSince(c: Concord, party: string): Promise<string | undefined> {
  const row = await c.database.db
    .selectFrom('projection_timeline')
    .select((eb) => eb.fn.min('valid_from').as('since'))
    .where('party', '=', party)
    .where('role', '=', 'member')
    .where('status', '=', 'member')
    .executeTakeFirst();
  return row?.since ? row.since.slice(0, 10) : undefined;
}

/** A statement in the press: recorded, and never a change of standing. */
export async function recordPublicStatement(c: Concord, statement: Omit<PublicStatement, 'id'>, by: Actor): Promise<Outcome<PublicStatement>> {
  const full: PublicStatement = { ...statement, id: recordId(by) };
  const recorded = recordStatement(full, latestToday(c));
  if (!recorded.ok) return refuse(c, 'record statement', { code: 'invalid', field: recorded.refusal.field, message: recorded.refusal.message }, by);
  return appendAll(c, [{ streamId: statementStream(full.id), expectedVersion: 0, events: [recorded.event] }], by, full, 'record statement');
}

/** Ends a withdrawal's notice period: the timer's work, refused before the period has run. */
export async function takeWithdrawalEffect(c: Concord, party: string, timerId: string, by: Actor): Promise<Outcome<null>> {
  return runStandingCommand(c, party, { kind: 'take-effect', timerId, today: c.today() }, by, [], null);
}

async function runStandingCommand<T>(c: Concord, party: string, command: StandingCommand, by: Actor, alongside: StreamAppend[], value: T): Promise<Outcome<T>> {
  const result = await handle(
    c,
    {
      streamId: partyStream(party),
      initial: initialStanding,
      evolve: evolveStanding,
      decide: (state) => decideStanding(command, state, c.pack, party),
      alongside,
      describe: `${command.kind} for ${party}`,
    },
    by,
  );
  return result.ok ? { ...result, value } : result;
}

// ── Questions ───────────────────────────────────────────────────────────────────────────────

export interface AsOf {
  /** The date whose legal situation is asked about. */
  readonly asOf: string;
  /** What the secretariat knew by the end of this day (default: everything recorded). */
  readonly knownAt: string;
}

/** The observers and partners holding their status on a date, as known today. */
export async function associatesOn(c: Concord, date: string): Promise<{ state: string; role: AssociateRole }[]> {
  const standing = await registryAt(c, { asOf: date, knownAt: c.today() });
  return standing.flatMap((p) => (p.role !== 'member' && p.status === 'granted' ? [{ state: p.party, role: p.role }] : []));
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
    notes: notes.map(toNote),
    statements: statements.map((s) => ({ id: s.id, speaker: s.speaker, state: s.state, venue: s.venue, saidOn: s.said_on, url: s.url, summary: s.summary })),
  };
}

/** A row of the correspondence register as the note it records. */
export function toNote(n: CorrespondenceRow): OfficialNote {
  const note = { id: n.id, sender: n.sender, authority: n.authority, reference: n.reference, dated: n.dated, kind: n.kind as OfficialNote['kind'], subject: n.subject };
  return n.backdating_reason === null ? note : { ...note, backdatingReason: n.backdating_reason };
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
