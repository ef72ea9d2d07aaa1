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
export type { PartyStanding, Role as PartyRole, TimelineChange } from '../../../src/core/membership/records';
export type { LedgerEntry } from '../../../src/ledger/record';
import type { PartyStanding, TimelineChange } from '../../../src/core/membership/records';
import type { LedgerEntry } from '../../../src/ledger/record';
export { NOTE_KINDS, type NoteKind, type OfficialNote, type PublicStatement } from '../../../src/core/correspondence/documents';
import type { OfficialNote, PublicStatement } from '../../../src/core/correspondence/documents';
import type { Ruling, OutcomeWord, PositionWord as EnginePositionWord } from '../../../src/core/procedure/types';
export type { Ruling, OutcomeWord, TraceEntry } from '../../../src/core/procedure/types';

export interface Registry {
  readonly asOf: string;
  readonly knownAt: string;
  readonly parties: readonly PartyStanding[];
}

export interface PartyRecord {
  readonly party: string;
  readonly standing: PartyStanding | null;
  readonly history: readonly TimelineChange[];
  readonly notes: readonly OfficialNote[];
  readonly statements: readonly PublicStatement[];
}

export type DecisionStatus = 'draft' | 'tabled' | 'circulating' | 'closed';
export type ProcedureWord = 'vote' | 'written' | 'silence';
/** The positions a member gives; "absent" is what the engine says of one that gave none. */
export const POSITION_WORDS = ['yes', 'no', 'abstain', 'opt-out', 'no-objection'] as const satisfies readonly EnginePositionWord[];
export type PositionWord = EnginePositionWord;

export interface DecisionSummary {
  readonly id: string;
  readonly body: string;
  readonly question: string;
  readonly title: Localized;
  readonly status: DecisionStatus;
  readonly procedure: ProcedureWord | null;
  readonly deadline: string | null;
  readonly sessionId: string | null;
  readonly outcome: OutcomeWord | null;
  readonly draftedOn: string;
  readonly closedAt: string | null;
}

export type PositionDocument = { readonly kind: 'delegate-entry'; readonly by: string } | { readonly kind: 'note'; readonly noteId: string };

export interface RecordedPosition {
  readonly position: PositionWord;
  readonly at: string;
  readonly document?: PositionDocument | undefined;
}

export interface NotificationView {
  readonly decisionId: string;
  readonly decisionTitle: Localized;
  readonly state: string;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedVia: string | null;
}

export interface DecisionView {
  readonly id: string;
  readonly status: DecisionStatus;
  readonly body: string;
  readonly question: string;
  readonly title: Localized;
  readonly text: Localized;
  // The server leaves out what a decision does not have yet (no session, no deadline).
  readonly procedure?: ProcedureWord | null;
  readonly sessionId?: string | null;
  readonly deadline?: string | null;
  readonly date: string;
  readonly positions: Readonly<Record<string, RecordedPosition>>;
  readonly result: Ruling | null;
  readonly acceded: readonly string[];
  readonly provisional: Ruling | null;
  readonly awaiting: readonly string[];
  readonly notifications: readonly NotificationView[];
}

export interface Overview {
  readonly today: string;
  readonly framework: { readonly id: string; readonly name: Localized | string };
  readonly chair: string | null;
  readonly parties: readonly PartyStanding[];
  readonly openProcedures: readonly DecisionSummary[];
  readonly unacknowledged: readonly NotificationView[];
}

export interface FrameworkBody {
  readonly id: string;
  readonly name: Localized;
  readonly questions: readonly string[];
}

export interface Framework {
  readonly id: string;
  readonly name: Localized;
  readonly bodies: readonly FrameworkBody[];
  readonly members: readonly string[];
  /** The members' names, by code. */
  readonly names?: Readonly<Record<string, Localized>>;
}

export interface SessionSummary {
  readonly id: string;
  readonly body: string;
  readonly date: string;
  readonly place: string;
  readonly chair: string | null;
  readonly status: 'open' | 'closed';
}

export interface SessionView extends SessionSummary {
  readonly agenda: readonly string[];
  readonly attendance: Readonly<Record<string, boolean>>;
}

export interface LedgerPage {
  readonly entries: readonly LedgerEntry[];
  readonly head: number;
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
