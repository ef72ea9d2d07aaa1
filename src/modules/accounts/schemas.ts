/**
 * The shapes of the module's own requests beyond those the server shares (src/server/schemas.ts).
 */
import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from '../../core/access/index.js';
import { StateCode } from '../../server/schemas.js';
import { OneOf } from '../view-schemas.js';

export const RoleBody = Type.Object({ role: OneOf(ROLES), state: Type.Optional(StateCode) }, { additionalProperties: false });
export type RoleBody = Static<typeof RoleBody>;
