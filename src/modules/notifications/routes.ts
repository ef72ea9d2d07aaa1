/**
 * Notifications of decisions to members and their acknowledgement by a delegate.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { desk, type Concord } from '../../app/index.js';
import { named, read, write } from '../../server/plumbing.js';
import { Key, StateCode } from '../../server/schemas.js';
import { Acknowledged, NotificationList } from './schemas.js';
import { acknowledgementLinkRoutes } from './ack-link.js';

const tags = ['Notifications'];

export function notificationRoutes(app: FastifyInstance, c: Concord): void {
  read(
    app,
    '/api/notifications',
    { schema: { tags, summary: 'Notifications of decisions to members (a delegate: their state’s)', querystring: Type.Object({ pending: Type.Optional(Type.Boolean()) }, { additionalProperties: false }), response: { 200: NotificationList } } },
    (request, who) => named('notifications', desk.notifications(c, who, (request.query as { pending?: boolean }).pending ?? false)),
  );

  write(
    app,
    c,
    'POST',
    '/api/notifications/:decisionId/:state/acknowledgement',
    { schema: { tags, summary: 'Acknowledge receipt of a decision for a member', params: Type.Object({ decisionId: Key(), state: StateCode }), response: { 200: Acknowledged } } },
    (request, who) => {
      const { decisionId, state } = request.params as { decisionId: string; state: string };
      return desk.acknowledgeNotification(c, who, decisionId, state);
    },
  );

  acknowledgementLinkRoutes(app, c);
}
