/**
 * The registry module's answers, once: response schema, OpenAPI entry and the web's type.
 */
import { Type, type Static } from '@sinclair/typebox';
import { NOTE_KINDS } from '../../core/correspondence/documents.js';
import { DecisionSummary } from '../decisions/schemas.js';
import { NotificationView } from '../notifications/schemas.js';
import { Localized, Named, Nullable, OneOf } from '../view-schemas.js';

const ROLES = ['member', 'observer', 'partner'] as const;
const STATUSES = ['member', 'suspended', 'expelled', 'withdrawal-pending', 'withdrawn', 'granted', 'annulled'] as const;

export const PartyStanding = Type.Object({
  party: Type.String(),
  role: OneOf(ROLES),
  status: OneOf(STATUSES),
  since: Type.String(),
  act: Type.String({ description: 'the act the standing rests on' }),
  cites: Type.Array(Type.String()),
  participation: Type.Optional(Type.Object({ participating: Type.Boolean(), since: Type.String(), basis: Type.String() })),
});

export const TimelineChange = Type.Object({
  seq: Type.Integer(),
  party: Type.String(),
  role: OneOf(ROLES),
  change: OneOf(['status', 'participation'] as const),
  status: Nullable(OneOf(STATUSES)),
  participating: Nullable(Type.Boolean()),
  validFrom: Type.String(),
  knownFrom: Type.String(),
  act: Type.String(),
  cites: Type.Array(Type.String()),
  reconstructed: Type.Boolean(),
});

export const OfficialNote = Type.Object({
  id: Type.String(),
  sender: Type.String(),
  authority: Type.String(),
  reference: Type.String(),
  dated: Type.String(),
  kind: OneOf(NOTE_KINDS),
  subject: Type.String(),
  backdatingReason: Type.Optional(Type.String({ description: 'why it was registered long after its date, or dated before its sender was a member' })),
});

export const PublicStatement = Type.Object({
  id: Type.String(),
  speaker: Type.String(),
  state: Type.String(),
  venue: Type.String(),
  saidOn: Type.String(),
  url: Type.String(),
  summary: Type.String(),
});

export const RegistryView = Type.Object({ asOf: Type.String(), knownAt: Type.String(), parties: Type.Array(PartyStanding) });
export type RegistryView = Static<typeof RegistryView>;

export const PartyRecord = Type.Object(
  {
    party: Type.String(),
    standing: Type.Optional(PartyStanding),
    history: Type.Array(TimelineChange),
    notes: Type.Array(OfficialNote, { description: 'only for a reader who may read that state’s correspondence' }),
    statements: Type.Array(PublicStatement, { description: 'kept apart: a statement never changes a status' }),
  },
  { description: 'A party’s standing, its history with the acts behind each change, its notes, and statements shown apart' },
);
export type PartyRecord = Static<typeof PartyRecord>;

export const Overview = Type.Object({
  today: Type.String(),
  framework: Type.Object({ id: Type.String(), name: Type.String() }),
  chair: Nullable(Type.String()),
  parties: Type.Array(PartyStanding),
  openProcedures: Type.Array(DecisionSummary),
  unacknowledged: Type.Array(NotificationView),
});
export type Overview = Static<typeof Overview>;

export const FrameworkView = Type.Object({
  id: Type.String(),
  name: Localized,
  bodies: Type.Array(Type.Object({ id: Type.String(), name: Localized, questions: Type.Array(Type.String()) })),
  members: Type.Array(Type.String()),
  names: Type.Record(Type.String(), Localized, { description: 'the members’ names, by code' }),
});
export type FrameworkView = Static<typeof FrameworkView>;

export const NoteList = Named('notes', OfficialNote);
export const NoteAnswer = Type.Object({ note: OfficialNote });
export const StatementList = Named('statements', PublicStatement);
export const StatementAnswer = Type.Object({ statement: PublicStatement });
