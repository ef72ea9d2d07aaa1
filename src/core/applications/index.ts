export {
  decideApplication,
  evolveApplication,
  initialApplication,
  type ApplicationCommand,
  type ApplicationDecided,
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

export { APPLICATION_STREAMS, applicationOfStream, applicationStream } from './streams.js';
