/**
 * The shapes the secretariat's HTTP API answers with, as the web desk reads them.
 */

export type Role = 'admin' | 'officer' | 'delegate' | 'analyst' | 'observer';

export interface Account {
  readonly username: string;
  readonly role: Role;
  readonly state: string | null;
  readonly mustChangePassword: boolean;
}

/** What `/api/session` answers: the signed-in account and the token that proves the page is ours. */
export interface SignInAnswer {
  readonly account: Account;
  readonly csrfToken: string;
}

/** RFC 9457 problem details, with the field at fault when there is one. */
export interface Problem {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly field?: string;
}

export interface Localized {
  readonly en: string;
  readonly ru: string;
}

// The records and the engine's answer as the server defines them (files without imports).
export type { Role as PartyRole } from '../../../src/core/membership/records';
export type { LedgerEntry } from '../../../src/ledger/record';
export { NOTE_KINDS, type NoteKind, type OfficialNote, type PublicStatement } from '../../../src/core/correspondence/documents';
import type { PositionWord as EnginePositionWord } from '../../../src/core/procedure/types';
export type { Ruling, OutcomeWord, TraceEntry } from '../../../src/core/procedure/types';



// The answers of the API, from the very schemas its routes answer with (ARCHITECTURE §2: one schema, many uses).
import type { Static } from '@sinclair/typebox';
import type { DecisionSummary as DecisionSummarySchema, DecisionView as DecisionViewSchema } from '../../../src/modules/decisions/schemas';
import type { LedgerPage as LedgerPageSchema } from '../../../src/modules/ledger/schemas';
import type { NotificationView as NotificationViewSchema } from '../../../src/modules/notifications/schemas';
import type { FrameworkView, Overview as OverviewSchema, PartyRecord as PartyRecordSchema, RegistryView } from '../../../src/modules/registry/schemas';
import type { SessionSummary as SessionSummarySchema, SessionView as SessionViewSchema } from '../../../src/modules/sessions/schemas';

export type Registry = Static<typeof RegistryView>;
export type PartyStanding = Registry['parties'][number];
export type PartyRecord = Static<typeof PartyRecordSchema>;
export type TimelineChange = PartyRecord['history'][number];
export type DecisionSummary = Static<typeof DecisionSummarySchema>;
export type NotificationView = Static<typeof NotificationViewSchema>;
export type DecisionView = Static<typeof DecisionViewSchema>;
export type Overview = Static<typeof OverviewSchema>;
export type Framework = Static<typeof FrameworkView>;
export type FrameworkBody = Framework['bodies'][number];
export type SessionSummary = Static<typeof SessionSummarySchema>;
export type SessionView = Static<typeof SessionViewSchema>;
export type LedgerPage = Static<typeof LedgerPageSchema>;

export type DecisionStatus = DecisionSummary['status'];
export type ProcedureWord = NonNullable<DecisionSummary['procedure']>;
/** The positions a member gives; "absent" is what the engine says of one that gave none. */
export const POSITION_WORDS = ['yes', 'no', 'abstain', 'opt-out', 'no-objection'] as const satisfies readonly EnginePositionWord[];
export type PositionWord = EnginePositionWord;


export type PositionDocument = { readonly kind: 'delegate-entry'; readonly by: string } | { readonly kind: 'note'; readonly noteId: string };

export interface RecordedPosition {
  readonly position: PositionWord;
  readonly at: string;
  readonly document?: PositionDocument | undefined;
}









/** The chain check, as the ledger answers it. */
export type { ChainCheck as Verification } from '../../../src/ledger/record';

/** One message of the live stream: a ledger entry the reader may see. */
export interface LiveEntry {
  readonly seq: number;
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly validAt: string;
  readonly recordedAt: string;
  readonly actor: string;
}
