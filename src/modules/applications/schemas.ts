/**
 * The shapes of the module's API, once: each gives the request's check, the handler's type, the
 * OpenAPI entry and the web's wire type (the web imports the types from this file).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Localized, Named, Nullable, OneOf as Enum } from '../view-schemas.js';

const closed = { additionalProperties: false } as const;
const Code = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3 code' });
const NoteId = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000]*$', description: 'a registered official note' });

export const ROLES = ['member', 'observer', 'partner'] as const;
export const MEASURES = ['suspend', 'lift-suspension', 'expel', 'suspend-status', 'annul'] as const;
export const STAGES = ['open', 'adopted', 'rejected', 'withdrawn', 'lapsed'] as const;

export const SubmitBody = Type.Object({ state: Code, status: Enum(ROLES, 'the status applied for'), noteId: NoteId }, closed);
export const ProposalBody = Type.Object({ state: Code, change: Enum(MEASURES), role: Enum(ROLES, 'the standing the measure is on'), noteId: Type.Optional(NoteId) }, closed);
export const AssessmentBody = Type.Object({ criterion: Type.String({ minLength: 1, maxLength: 100 }), met: Type.Boolean(), evidenceNoteId: NoteId }, closed);
export const WithdrawalBody = Type.Object({ noteId: NoteId }, closed);
export const LapseBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '^[^\\u0000]*$' }) }, closed);
export const ListQuery = Type.Object({ status: Type.Optional(Enum(STAGES)) }, closed);

export const CriterionView = Type.Object({
  id: Type.String(),
  text: Localized,
  cites: Type.Array(Type.String()),
  assessment: Enum(['met', 'unmet', 'unanswered'] as const),
  evidence: Type.Optional(Type.String({ description: 'the note the finding rests on' })),
  by: Type.Optional(Type.String({ description: 'who recorded the finding' })),
});

export const ApplicationView = Type.Object(
  {
    id: Type.String(),
    applicant: Code,
    role: Enum(ROLES),
    change: Type.String({ description: 'admit, grant, suspend, lift-suspension, expel, suspend-status or annul' }),
    status: Enum(STAGES),
    noteId: Nullable(Type.String()),
    submittedOn: Type.String(),
    body: Type.String({ description: 'the competent body' }),
    question: Type.String(),
    cites: Type.Array(Type.String()),
    decisionId: Type.String(),
    decision: Type.Union([
      Type.Object({ status: Type.String(), outcome: Nullable(Type.String()), procedure: Nullable(Type.String()), deadline: Nullable(Type.String()) }),
      Type.Null(),
    ]),
    criteria: Type.Array(CriterionView),
    concludedOn: Nullable(Type.String()),
    effect: Type.Union([Type.Object({ applied: Type.Boolean(), act: Type.Optional(Type.String()), reason: Type.Optional(Type.String()) }), Type.Null()]),
  },
  { description: 'A case before the competent body: what is asked, the criteria and the findings on them, the decision and what it changed' },
);
export type ApplicationView = Static<typeof ApplicationView>;

export const ApplicationList = Named('applications', ApplicationView);
