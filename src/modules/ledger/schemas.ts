/**
 * The ledger's answers, once: response schema, OpenAPI entry and the web's type.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../view-schemas.js';

export const LedgerEntry = Type.Object({
  seq: Type.Integer({ description: 'position in the one global chain, from 1, without gaps' }),
  streamId: Type.String(),
  streamVersion: Type.Integer(),
  type: Type.String(),
  data: Type.Unknown(),
  validAt: Type.String({ description: 'when the act took legal effect' }),
  recordedAt: Type.String({ description: 'when the secretariat entered it' }),
  actor: Type.String(),
  idempotencyKey: Nullable(Type.String()),
  reconstructed: Type.Boolean({ description: 'loaded from a pack’s documented history' }),
  prevHash: Type.String(),
  hash: Type.String(),
});

export const LedgerPage = Type.Object({ entries: Type.Array(LedgerEntry), head: Type.Integer() });
export type LedgerPage = Static<typeof LedgerPage>;

export const Verification = Type.Union([
  Type.Object({ ok: Type.Literal(true), count: Type.Integer(), headHash: Type.String(), root: Type.String({ description: "the Merkle tree's root over the entries" }) }),
  Type.Object({ ok: Type.Literal(false), count: Type.Integer(), seq: Type.Integer(), streamId: Type.String(), reason: Type.String() }),
]);
