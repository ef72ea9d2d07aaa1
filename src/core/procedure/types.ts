/**
 * The words of the `decide` contract (ARCHITECTURE §3): what goes in, what comes out.
 */
export const POSITION_WORDS = ['yes', 'no', 'abstain', 'absent', 'opt-out', 'no-objection'] as const;
export type PositionWord = (typeof POSITION_WORDS)[number];

export interface CastPosition {
  readonly position: PositionWord;
  /** When the secretariat received it (ISO 8601 instant); judged against a deadline. */
  readonly at?: string | undefined;
}

export interface DecideInput {
  readonly body: string;
  readonly question: string;
  readonly procedure: 'vote' | 'written' | 'silence';
  /** The date of the act (YYYY-MM-DD); the body's composition is taken on this day. */
  readonly date: string;
  readonly deadline?: string | undefined;
  readonly members?: readonly string[] | undefined;
  readonly positions: Readonly<Record<string, CastPosition>>;
  readonly parties?: readonly string[] | undefined;
  readonly data?: Readonly<Record<string, Readonly<Record<string, number>>>> | undefined;
}

export interface DecideOptions {
  /** Apply the rules in force on this date instead of those in force on `input.date`. */
  readonly asOf?: string | undefined;
  /** The present instant, supplied by the shell; a procedure whose deadline is later is pending. */
  readonly now?: string | undefined;
}

export interface TraceEntry {
  readonly rule: string;
  readonly cites: readonly string[];
  readonly finding: string;
  /** The same finding in Russian; not part of `concord decide`'s answer, absent from decisions recorded before it was kept. */
  readonly findingRu?: string;
}

export type OutcomeWord = 'adopted' | 'rejected' | 'contested' | 'pending';

/**
 * What the framework finds on a draft: the outcome, whom it binds, who blocked it, who must be
 * told, and why. (The decision itself, drafted, circulated and closed, is src/core/decision.)
 */
export interface Ruling {
  readonly outcome: OutcomeWord;
  readonly reason: string;
  readonly bound: readonly string[];
  readonly notBound: readonly string[];
  readonly blockedBy: readonly string[];
  readonly notify: readonly string[];
  readonly tally: Readonly<Record<string, unknown>>;
  readonly trace: readonly TraceEntry[];
}

/** Why a question cannot be answered: the field at fault and what was expected. */
export interface Refusal {
  readonly code:
    | 'unknown-body'
    | 'unknown-question'
    | 'procedure-not-allowed'
    | 'deadline-required'
    | 'date-out-of-range'
    | 'no-rule-in-force'
    | 'unknown-state'
    | 'not-on-body'
    | 'too-many-parties'
    | 'missing-data';
  readonly field: string;
  readonly message: string;
}

export type DecideResult = { readonly ok: true; readonly decision: Ruling } | { readonly ok: false; readonly refusal: Refusal };
