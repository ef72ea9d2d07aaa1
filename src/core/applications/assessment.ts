/**
 * Where a case stands against the framework's criteria: each criterion with the latest finding
 * on it, or unanswered while no officer has recorded one.
 */
import type { ApplicationState } from './application.js';

export interface CriterionAssessment {
  readonly id: string;
  readonly text: { readonly en: string; readonly ru: string };
  readonly cites: readonly string[];
  readonly assessment: 'met' | 'unmet' | 'unanswered';
  /** The note or document the finding rests on. */
  readonly evidence?: string;
  /** The officer who recorded the finding. */
  readonly by?: string;
}

export function assessmentOf(state: ApplicationState): CriterionAssessment[] {
  return state.criteria.map(({ id, text, cites }) => {
    const finding = state.assessments[id];
    if (!finding) return { id, text, cites, assessment: 'unanswered' };
    return { id, text, cites, assessment: finding.met ? 'met' : 'unmet', evidence: finding.evidence, by: finding.by };
  });
}
