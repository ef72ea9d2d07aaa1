/**
 * The shapes of the API, once: each gives the request's check, the handler's type and the
 * OpenAPI entry. Strings are bounded, objects closed, so hostile input is refused at the door.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ROLES, TOKEN_SCOPES } from '../core/access/index.js';
import { NOTE_KINDS } from '../core/correspondence/index.js';
import { POSITION_WORDS } from '../core/procedure/index.js';

const closed = { additionalProperties: false } as const;
// PostgreSQL stores no U+0000 in text; no person types one: it is refused at the door.
const NO_NUL = '^[^\\u0000]*$';
const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, pattern: NO_NUL, ...(description ? { description } : {}) });
/** An id or name in a path. */
export const Key = (maxLength = 100) => Type.String({ minLength: 1, maxLength, pattern: NO_NUL });
const Enum = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

export const StateCode = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3 code' });
export const CalendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const Instant = Type.String({ minLength: 10, maxLength: 40, description: 'ISO 8601 date-time with a time zone' });
const Localized = Type.Object({ en: Text(2000), ru: Text(2000) }, closed);
const LocalizedText = Type.Object({ en: Text(20_000), ru: Text(20_000) }, closed);

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.Optional(Type.String({ description: 'the refusal’s code, as the rule that refused it gives it (e.g. wrong-status, late, not-on-body)' })),
    field: Type.Optional(Type.String()),
  },
  { description: 'RFC 9457 problem details; `code` says which rule refused, `field` names the part of the request at fault' },
);

// ── Requests ─────────────────────────────────────────────────────────────────────────────────

export const SignInBody = Type.Object({ username: Text(63), password: Text(1024) }, closed);
export const PasswordBody = Type.Object({ current: Text(1024), next: Text(1024) }, closed);
export const NewAccountBody = Type.Object(
  { username: Text(63), role: Enum(ROLES), state: Type.Optional(StateCode), password: Type.Optional(Text(1024, 'omit to generate a one-time password')) },
  closed,
);
export const NewTokenBody = Type.Object(
  { name: Text(200), scopes: Type.Array(Enum(TOKEN_SCOPES), { minItems: 1, maxItems: 3, uniqueItems: true }), expiresInDays: Type.Integer({ minimum: 1, maximum: 366 }) },
  closed,
);
export const NoteBody = Type.Object(
  {
    sender: StateCode,
    authority: Text(500),
    reference: Text(200),
    dated: CalendarDate,
    kind: Enum(NOTE_KINDS),
    subject: Text(5000),
    backdatingReason: Type.Optional(Text(2000, 'why the note is registered only now; required when it is dated before its sender was a member, or further back than the framework allows (90 days by default)')),
  },
  closed,
);

/** Narrows the register: one sender, one kind of note. */
export const NoteQuery = Type.Object({ sender: Type.Optional(StateCode), kind: Type.Optional(Enum(NOTE_KINDS)) }, closed);
export const StatementBody = Type.Object(
  { speaker: Text(500), state: StateCode, venue: Text(500), saidOn: CalendarDate, url: Text(2000), summary: Text(5000) },
  closed,
);
export const DraftBody = Type.Object({ title: Localized, text: LocalizedText, body: Text(100), question: Text(100), initiator: Text(100) }, closed);
export const CirculateBody = Type.Object({ procedure: Enum(['written', 'silence'] as const), deadline: Instant }, closed);
export const PositionBody = Type.Object(
  { state: StateCode, position: Enum(POSITION_WORDS), noteId: Type.Optional(Text(100, 'the registered note carrying the position; required of the secretariat')) },
  closed,
);
export const AccessionBody = Type.Object({ state: StateCode, accededOn: CalendarDate, noteId: Type.Optional(Text(100)) }, closed);
export const SessionBody = Type.Object({ body: Text(100), date: CalendarDate, place: Text(200), temporaryChair: Type.Optional(StateCode) }, closed);
export const AgendaItemBody = Type.Object({ decisionId: Text(100) }, closed);
export const AttendanceBody = Type.Object({ state: StateCode, present: Type.Boolean() }, closed);
export const NoObjectionBody = Type.Object({ decisionId: Text(100), state: StateCode, noteId: Text(100) }, closed);

/** The body of an act that needs no more than its address: nothing, or an empty object. */
export const Empty = Type.Object({}, { ...closed, description: 'no body, or {}' });

export const Id = Type.Object({ id: Key() }, closed);
export const AsOfQuery = Type.Object(
  {
    asOf: Type.Optional(Type.String({ maxLength: 10, description: 'the date asked about, YYYY-MM-DD (default: today)' })),
    knownAt: Type.Optional(Type.String({ maxLength: 10, description: 'count what was recorded by the end of this day (default: today)' })),
  },
  closed,
);

// ── Responses ────────────────────────────────────────────────────────────────────────────────

export const Account = Type.Object({
  username: Type.String(),
  role: Enum(ROLES),
  state: Type.Union([StateCode, Type.Null()]),
  mustChangePassword: Type.Boolean(),
  createdAt: Type.String(),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
});
export const SessionInfo = Type.Object({ account: Account, csrfToken: Type.String({ description: 'send as X-CSRF-Token with every write made with the cookie' }) });
export const Token = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

export type Body<T extends TSchema> = Static<T>;
