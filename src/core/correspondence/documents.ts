/**
 * The two kinds of record, as data: an official note (an act of a state) and a public statement
 * (information, never an act). Without imports, so that the web application reads the same
 * definitions as the server.
 */

export const NOTE_KINDS = [
  'withdrawal-notice',
  'request-to-suspend',
  'no-objection-notice',
  'observer-request',
  'partner-request',
  'accession-request',
  'other',
] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface OfficialNote {
  readonly id: string;
  /** The state that sent it (alpha-3). */
  readonly sender: string;
  /** The sending authority, e.g. "Ministry of Foreign Affairs". */
  readonly authority: string;
  /** The sender's reference number. */
  readonly reference: string;
  /** The date the note bears. */
  readonly dated: string;
  readonly kind: NoteKind;
  readonly subject: string;
  /**
   * Why a note is entered long after its date, or is dated before its sender was a member: said
   * by the officer who registers it, and kept with it.
   */
  readonly backdatingReason?: string;
}

export interface PublicStatement {
  readonly id: string;
  /** Who said it: name and office. */
  readonly speaker: string;
  /** The state the speaker speaks for or about. */
  readonly state: string;
  /** Where: the outlet, forum or interview. */
  readonly venue: string;
  readonly saidOn: string;
  readonly url: string;
  readonly summary: string;
}
