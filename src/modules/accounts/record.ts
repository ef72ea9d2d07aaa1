/**
 * What the ledger records of accounts and API tokens, and the rows of `accounts` and `api_tokens`
 * that follow from it. One function turns an event into the changes of those rows: the projection
 * writes them to the tables, the check folds them in memory and compares, so the two never drift.
 *
 * A secret is never recorded: an event carries the SHA-256 digest of the hash that is stored (the
 * argon2 hash of a password, the SHA-256 of a token's secret), enough to tell a swapped hash
 * apart. Fields marked "absent in entries recorded before" come from ledgers older than that
 * rule: without a digest on record, the password or token cannot be trusted and does not work.
 */
import { createHash } from 'node:crypto';
import type { AccountRow, ApiTokenRow } from '../../store/schema.js';

export interface AccountCreated {
  readonly username: string;
  readonly role: string;
  readonly state: string | null;
  /** Absent in entries recorded before digests were; such an account must have its password reset. */
  readonly mustChangePassword?: boolean;
  readonly passwordHashDigest?: string;
}

export interface TokenIssued {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly created_at: string;
  readonly expires_at: string;
  /** Absent in entries recorded before digests were; such a token is refused. */
  readonly secretHashDigest?: string;
}

export type AccountEvent =
  | { readonly type: 'AccountCreated'; readonly data: AccountCreated }
  | { readonly type: 'AccountRoleChanged'; readonly data: { readonly username: string; readonly role: string; readonly state: string | null } }
  | { readonly type: 'AccountDisabled'; readonly data: { readonly username: string } }
  /** By the holder: the password is theirs from now on. */
  | { readonly type: 'PasswordChanged'; readonly data: { readonly username: string; readonly passwordHashDigest?: string } }
  /** By an administrator (or at setup): a one-time password, to be changed at the first sign-in. */
  | { readonly type: 'PasswordReset'; readonly data: { readonly username: string; readonly passwordHashDigest: string } }
  | { readonly type: 'TokenIssued'; readonly data: TokenIssued }
  | { readonly type: 'TokenRevoked'; readonly data: { readonly id: string; readonly username: string } };

export type AccountEventType = AccountEvent['type'];

export const ACCOUNT_EVENT_TYPES: readonly AccountEventType[] = ['AccountCreated', 'AccountRoleChanged', 'AccountDisabled', 'PasswordChanged', 'PasswordReset', 'TokenIssued', 'TokenRevoked'];

/** A change of the power tables; `tokens-revoked` without an id revokes every live token of the account. */
export type PowerChange =
  | { readonly kind: 'account-created'; readonly row: AccountRow }
  | { readonly kind: 'account-changed'; readonly username: string; readonly set: Partial<AccountRow> }
  | { readonly kind: 'token-issued'; readonly row: ApiTokenRow }
  | { readonly kind: 'tokens-revoked'; readonly username: string; readonly id: string | undefined; readonly at: string };

/** An entry as the projection and the check read it: `validAt` is when the act was made. */
export interface RecordedAct {
  readonly type: string;
  readonly validAt: string;
  readonly data: unknown;
}

export function powerChanges(act: RecordedAct): readonly PowerChange[] {
  const event = { type: act.type, data: act.data } as AccountEvent;
  switch (event.type) {
    case 'AccountCreated':
      return [{ kind: 'account-created', row: accountRowOf(event.data, act.validAt) }];
    case 'AccountRoleChanged':
      return [{ kind: 'account-changed', username: event.data.username, set: { role: event.data.role, state: event.data.state } }];
    case 'AccountDisabled':
      return [
        { kind: 'account-changed', username: event.data.username, set: { disabled_at: act.validAt } },
        { kind: 'tokens-revoked', username: event.data.username, id: undefined, at: act.validAt },
      ];
    case 'PasswordChanged': {
      const digest = event.data.passwordHashDigest ?? null;
      return [{ kind: 'account-changed', username: event.data.username, set: { password_hash_digest: digest, must_change_password: digest === null ? 1 : 0 } }];
    }
    case 'PasswordReset':
      return [{ kind: 'account-changed', username: event.data.username, set: { password_hash_digest: event.data.passwordHashDigest, must_change_password: 1 } }];
    case 'TokenIssued':
      return [{ kind: 'token-issued', row: tokenRowOf(event.data) }];
    case 'TokenRevoked':
      return [{ kind: 'tokens-revoked', username: event.data.username, id: event.data.id, at: act.validAt }];
    default:
      return [];
  }
}

export function accountRowOf(created: AccountCreated, at: string): AccountRow {
  const digest = created.passwordHashDigest ?? null;
  return {
    username: created.username,
    role: created.role,
    state: created.state,
    must_change_password: digest === null || created.mustChangePassword === true ? 1 : 0,
    created_at: at,
    disabled_at: null,
    password_hash_digest: digest,
  };
}

export function tokenRowOf(issued: TokenIssued): ApiTokenRow {
  return {
    id: issued.id,
    username: issued.username,
    name: issued.name,
    secret_hash_digest: issued.secretHashDigest ?? null,
    scopes: JSON.stringify(issued.scopes),
    created_at: issued.created_at,
    expires_at: issued.expires_at,
    revoked_at: null,
  };
}

/** SHA-256, hex: how a stored hash is recorded, and how a token's secret is stored. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
