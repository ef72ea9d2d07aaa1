export {
  decideApplication,
  evolveApplication,
  initialApplication,
  type ApplicationCommand,
  type ApplicationDecision,
  type ApplicationEvent,
  type ApplicationState,
  type ApplicationStatus,
  type Assessment,
  type CaseEffect,
  type DecisionOutcome,
} from './application.js';
export { assessmentOf, type CriterionAssessment } from './assessment.js';
export {
  applicationChange,
  isApplication,
  REQUEST_KINDS,
  requirementsOf,
  type ApplicationRefusal,
  type ApplicationRole,
  type CaseChange,
  type Criterion,
  type Requirements,
  type RequirementsResult,
} from './requirements.js';

/** Every case is a stream of its own. */
export const APPLICATION_STREAMS = 'application-';

export function applicationStream(id: string): string {
  return `${APPLICATION_STREAMS}${id}`;
}

export function applicationOfStream(streamId: string): string | undefined {
  return streamId.startsWith(APPLICATION_STREAMS) ? streamId.slice(APPLICATION_STREAMS.length) : undefined;
}
