/**
 * The decisions module's answers, once: the route's response schema, the OpenAPI entry and the
 * web's wire type come from these.
 */
import { Type, type Static } from '@sinclair/typebox';
import { POSITION_WORDS } from '../../core/procedure/types.js';
import { NotificationView } from '../notifications/schemas.js';
import { Localized, Named, Nullable, OneOf } from '../view-schemas.js';

export const OUTCOMES = ['adopted', 'rejected', 'contested', 'pending'] as const;
export const DECISION_STATUSES = ['draft', 'tabled', 'circulating', 'closed'] as const;
export const PROCEDURES = ['vote', 'written', 'silence'] as const;

export const TraceEntry = Type.Object({
  rule: Type.String(),
  cites: Type.Array(Type.String({ description: 'instrument:article' })),
  finding: Type.String(),
  findingRu: Type.Optional(Type.String()),
});

export const Ruling = Type.Object(
  {
    outcome: OneOf(OUTCOMES),
    reason: Type.String(),
    bound: Type.Array(Type.String()),
    notBound: Type.Array(Type.String()),
    blockedBy: Type.Array(Type.String()),
    notify: Type.Array(Type.String()),
    tally: Type.Record(Type.String(), Type.Unknown()),
    trace: Type.Array(TraceEntry),
  },
  { description: 'What the framework finds on a draft, with the articles behind each step' },
);

export const DecisionSummary = Type.Object({
  id: Type.String(),
  body: Type.String(),
  question: Type.String(),
  title: Localized,
  status: OneOf(DECISION_STATUSES),
  procedure: Nullable(OneOf(PROCEDURES)),
  deadline: Nullable(Type.String()),
  sessionId: Nullable(Type.String()),
  outcome: Nullable(OneOf(OUTCOMES)),
  draftedOn: Type.String(),
  closedAt: Nullable(Type.String()),
});
export type DecisionSummary = Static<typeof DecisionSummary>;

export const PositionDocument = Type.Union([Type.Object({ kind: Type.Literal('delegate-entry'), by: Type.String() }), Type.Object({ kind: Type.Literal('note'), noteId: Type.String() })]);

export const RecordedPosition = Type.Object({
  position: OneOf(POSITION_WORDS),
  at: Type.String(),
  document: Type.Optional(PositionDocument),
});

export const DecisionView = Type.Object(
  {
    id: Type.String(),
    status: OneOf(DECISION_STATUSES),
    body: Type.String(),
    question: Type.String(),
    title: Localized,
    text: Localized,
    version: Type.Integer(),
    initiator: Type.Optional(Type.String({ description: 'who proposed it' })),
    draftedOn: Type.String(),
    date: Type.String({ description: 'the date of the act: drafting, tabling or circulation' }),
    procedure: Type.Optional(OneOf(PROCEDURES)),
    sessionId: Type.Optional(Type.String()),
    deadline: Type.Optional(Type.String()),
    closedOn: Type.Optional(Type.String()),
    positions: Type.Record(Type.String(), RecordedPosition, { description: 'by state; the document carrying it only for a reader who may read that state’s correspondence' }),
    result: Nullable(Ruling),
    provisional: Nullable(Ruling),
    awaiting: Type.Array(Type.String()),
    acceded: Type.Array(Type.String()),
    parties: Type.Array(Type.String({ description: 'the states concerned, set aside where the rule says so' })),
    notifications: Type.Array(NotificationView),
  },
  { description: 'A decision: text, positions, the tally as it stands, the outcome with its reasons, notifications' },
);
export type DecisionView = Static<typeof DecisionView>;

export const DecisionList = Named('decisions', DecisionSummary);
