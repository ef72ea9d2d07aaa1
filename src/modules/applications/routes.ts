/**
 * Applications and measures on standing over HTTP.
 */
import type { FastifyInstance } from 'fastify';
import type { Concord } from '../../app/index.js';
import { idOf, named, read, write } from '../../server/plumbing.js';
import { Id } from '../../server/schemas.js';
import { applicationList, applicationView, assessCriterion, lapseApplication, proposeMeasure, submitApplication, withdrawApplication } from './handlers.js';
import { ApplicationList, ApplicationView, AssessmentBody, LapseBody, ListQuery, ProposalBody, SubmitBody, WithdrawalBody } from './schemas.js';
import type { Static } from '@sinclair/typebox';

const tags = ['Applications'];

export function applicationRoutes(app: FastifyInstance, c: Concord): void {
  read(app, '/api/applications', { schema: { tags, summary: 'Applications and measures on standing, newest first; of one status if asked', querystring: ListQuery, response: { 200: ApplicationList } } }, (request, who) =>
    named('applications', applicationList(c, who, request.query as Static<typeof ListQuery>)),
  );

  read(app, '/api/applications/:id', { schema: { tags, summary: 'A case: what is asked, the criteria and the findings on them, the decision and what it changed', params: Id, response: { 200: ApplicationView } } }, (request, who) =>
    applicationView(c, who, idOf(request.params)),
  );

  write(app, c, 'POST', '/api/applications', { created: true, schema: { tags, summary: 'Submit a state’s application, carried by its registered note; drafts the competent body’s decision', body: SubmitBody, response: { 201: ApplicationView } } }, (request, who) =>
    submitApplication(c, who, request.body as Static<typeof SubmitBody>),
  );

  write(app, c, 'POST', '/api/applications/proposals', { created: true, schema: { tags, summary: 'Propose a measure on a standing (suspension, its lifting, expulsion, suspension or annulment of a status); drafts the decision', body: ProposalBody, response: { 201: ApplicationView } } }, (request, who) =>
    proposeMeasure(c, who, request.body as Static<typeof ProposalBody>),
  );

  write(app, c, 'POST', '/api/applications/:id/assessments', { schema: { tags, summary: 'Record the finding on one criterion, with the document it rests on', params: Id, body: AssessmentBody, response: { 200: ApplicationView } } }, (request, who) =>
    assessCriterion(c, who, idOf(request.params), request.body as Static<typeof AssessmentBody>),
  );

  write(app, c, 'POST', '/api/applications/:id/withdrawal', { schema: { tags, summary: 'Record the applicant’s withdrawal, by its note', params: Id, body: WithdrawalBody, response: { 200: ApplicationView } } }, (request, who) =>
    withdrawApplication(c, who, idOf(request.params), request.body as Static<typeof WithdrawalBody>),
  );

  write(app, c, 'POST', '/api/applications/:id/lapse', { schema: { tags, summary: 'Record that a case lapsed, with the reason', params: Id, body: LapseBody, response: { 200: ApplicationView } } }, (request, who) =>
    lapseApplication(c, who, idOf(request.params), request.body as Static<typeof LapseBody>),
  );
}
