/**
 * The sessions module's answers, once: response schema, OpenAPI entry and the web's type.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Named, Nullable, OneOf } from '../view-schemas.js';

export const SessionSummary = Type.Object({
  id: Type.String(),
  body: Type.String(),
  date: Type.String(),
  place: Type.String(),
  chair: Nullable(Type.String()),
  status: OneOf(['open', 'closed'] as const),
});
export type SessionSummary = Static<typeof SessionSummary>;

export const SessionView = Type.Object(
  {
    ...SessionSummary.properties,
    agenda: Type.Array(Type.String({ description: 'the decisions tabled' })),
    attendance: Type.Record(Type.String(), Type.Boolean(), { description: 'members of the body, present or absent' }),
    associates: Type.Record(Type.String(), Type.Boolean(), { description: 'observers and partners attending as their status allows' }),
  },
  { description: 'A session: agenda, attendance, chair' },
);
export type SessionView = Static<typeof SessionView>;

export const SessionList = Named('sessions', SessionSummary);
