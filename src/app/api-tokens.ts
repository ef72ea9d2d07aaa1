/**
 * API tokens for systems. A token's id, holder, scopes, expiry and revocation are recorded in the
 * ledger, and `api_tokens` is their projection. Its secret is 256 random bits, shown once; what
 * is kept is the SHA-256 of its SHA-256, which is also what the ledger records: from it no one can
 * find the secret, so a token needs nothing kept beside the ledger, works after an export and
 * import, and a digest swapped in the table is a row the check finds differing from the ledger.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AccountRole, Principal, TokenScope } from '../core/access/index.js';
import { sha256, type TokenIssued } from '../modules/accounts/record.js';
import type { ApiTokenRow } from '../store/schema.js';
import { accountAct, toPrincipal } from './account-acts.js';
import { appendAll, refuse, type Actor, type Outcome } from './command.js';
import { composition } from './composition.js';
import type { Concord } from './concord.js';

export interface ApiToken {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
}

const TOKEN_PREFIX = 'concord';
// The secret is base64url, which may itself hold "_".
const TOKEN_FORMAT = /^concord_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** Issues a token for a system acting as `username`; the secret is shown once. */
export async function issueToken(
  c: Concord,
  username: string,
  request: { name: string; scopes: readonly TokenScope[]; expiresInDays: number },
  by: Actor,
): Promise<Outcome<{ token: ApiToken; secret: string }>> {
  const holder = await c.database.db.selectFrom('accounts').select('role').where('username', '=', username).executeTakeFirst();
  const { access } = await composition();
  const allowed = access().scopesOfRole((holder?.role ?? 'observer') as AccountRole);
  const bad = request.scopes.find((s) => !allowed.includes(s));
  if (bad !== undefined || request.scopes.length === 0) return refuse(c, 'issue token', { code: 'invalid', field: 'scopes', message: `a token of this account holds some of: ${allowed.join(', ')}` }, by);
  if (!Number.isInteger(request.expiresInDays) || request.expiresInDays < 1 || request.expiresInDays > 366) {
    return refuse(c, 'issue token', { code: 'invalid', field: 'expiresInDays', message: 'expected a whole number of days from 1 to 366' }, by);
  }
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const now = c.clock.now();
  const issued: TokenIssued = {
    id,
    username,
    name: request.name,
    scopes: [...new Set(request.scopes)],
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + request.expiresInDays * 86_400_000).toISOString(),
    secretHashDigest: sha256(sha256(secret)),
  };
  const token: ApiToken = { id, username, name: issued.name, scopes: issued.scopes as TokenScope[], createdAt: issued.created_at, expiresAt: issued.expires_at, revokedAt: null };
  return appendAll(c, [accountAct(username, 'TokenIssued', issued.created_at, issued)], by, { token, secret: `${TOKEN_PREFIX}_${id}_${secret}` }, 'issue token');
}

export async function tokensOf(c: Concord, username: string): Promise<ApiToken[]> {
  return (await c.database.db.selectFrom('api_tokens').selectAll().where('username', '=', username).orderBy('created_at').execute()).map(toToken);
}

export async function revokeToken(c: Concord, username: string, id: string, by: Actor): Promise<Outcome<ApiToken>> {
  const row = await c.database.db.selectFrom('api_tokens').selectAll().where('id', '=', id).where('username', '=', username).executeTakeFirst();
  if (!row) return refuse(c, 'revoke token', { code: 'not-found', field: 'id', message: `no token ${id} of ${username}` }, by);
  if (row.revoked_at !== null) return { ok: true, value: toToken(row), entries: [] };
  const at = c.clock.now().toISOString();
  return appendAll(c, [accountAct(username, 'TokenRevoked', at, { id, username })], by, toToken({ ...row, revoked_at: at }), 'revoke token');
}

/** The principal a bearer token stands for, or why it stands for none. */
export async function tokenPrincipal(c: Concord, bearer: string): Promise<{ ok: true; principal: Principal; tokenId: string } | { ok: false; reason: string }> {
  const [, id, secret] = TOKEN_FORMAT.exec(bearer) ?? [];
  if (id === undefined || secret === undefined) return { ok: false, reason: 'not a Concord token' };
  const row = await c.database.db
    .selectFrom('api_tokens')
    .innerJoin('accounts', 'accounts.username', 'api_tokens.username')
    .selectAll('accounts')
    .select(['api_tokens.secret_hash_digest', 'api_tokens.scopes', 'api_tokens.expires_at', 'api_tokens.revoked_at'])
    .where('api_tokens.id', '=', id)
    .executeTakeFirst();
  const kept = Buffer.from(row?.secret_hash_digest ?? '');
  const presented = Buffer.from(sha256(sha256(secret)));
  if (!row || kept.length !== presented.length || !timingSafeEqual(kept, presented)) return { ok: false, reason: 'unknown token' };
  if (row.revoked_at !== null) return { ok: false, reason: `token ${id} was revoked on ${row.revoked_at}` };
  if (row.expires_at <= c.clock.now().toISOString()) return { ok: false, reason: `token ${id} expired on ${row.expires_at}` };
  if (row.disabled_at !== null) return { ok: false, reason: `the account of token ${id} is disabled` };
  return { ok: true, principal: toPrincipal(row, JSON.parse(row.scopes) as TokenScope[]), tokenId: id };
}

function toToken(row: ApiTokenRow): ApiToken {
  return { id: row.id, username: row.username, name: row.name, scopes: JSON.parse(row.scopes) as TokenScope[], createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at };
}
