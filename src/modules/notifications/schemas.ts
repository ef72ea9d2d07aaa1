/**
 * The notifications module's answers, once: response schema, OpenAPI entry and the web's type.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Localized, Named, Nullable } from '../view-schemas.js';

export const NotificationView = Type.Object({
  decisionId: Type.String(),
  decisionTitle: Localized,
  state: Type.String(),
  createdAt: Type.String(),
  deliveredAt: Nullable(Type.String()),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgedVia: Nullable(Type.String({ description: 'link or delegate' })),
});
export type NotificationView = Static<typeof NotificationView>;

export const NotificationList = Named('notifications', NotificationView);

export const Acknowledged = Type.Object({ notificationId: Type.String(), state: Type.String(), via: Type.Union([Type.Literal('link'), Type.Literal('delegate')]) });
