/**
 * Whether the tables that grant power say what the ledger says: the accounts and tokens are
 * rebuilt in memory from the account streams and compared row by row with `accounts` and
 * `api_tokens`, and every stored password hash with the digest the ledger recorded of it. A role
 * changed in the table, a token inserted or un-revoked, a hash swapped: each is named.
 */
import type { Database } from '../../store/database.js';
import type { AccountRow, ApiTokenRow } from '../../store/schema.js';
import { powerChanges, sha256, type RecordedAct } from './record.js';
import { readAccountActs, withCredentials } from './tables.js';

export type PowerCheck = { ok: true; accounts: number; tokens: number } | { ok: false; table: string; key: string; reason: string };

type Disagreement = Extract<PowerCheck, { ok: false }>;

export async function checkPowerTables(database: Database): Promise<PowerCheck> {
  const expected = foldPower(await readAccountActs(database.db, database.dialect));
  const db = withCredentials(database.db);
  const accounts = await db.selectFrom('accounts').selectAll().execute();
  const tokens = await db.selectFrom('api_tokens').selectAll().execute();
  const credentials = await db.selectFrom('account_credentials').select(['username', 'password_hash']).execute();
  return (
    compareRows('accounts', expected.accounts, new Map(accounts.map((r) => [r.username, r]))) ??
    compareRows('api_tokens', expected.tokens, new Map(tokens.map((r) => [r.id, r]))) ??
    compareCredentials(expected.accounts, credentials) ?? { ok: true, accounts: accounts.length, tokens: tokens.length }
  );
}

/** The active accounts with no password here (after an import: theirs stayed in the database it was set in). */
export async function accountsWithoutPassword(database: Database): Promise<string[]> {
  const rows = await withCredentials(database.db)
    .selectFrom('accounts')
    .leftJoin('account_credentials', 'account_credentials.username', 'accounts.username')
    .select('accounts.username')
    .where('accounts.disabled_at', 'is', null)
    .where('account_credentials.username', 'is', null)
    .orderBy('accounts.username')
    .execute();
  return rows.map((r) => r.username);
}

/** What to say after `concord ledger import`: who cannot sign in with a password yet, and how they will. */
export async function passwordsToResetNotice(database: Database): Promise<string | undefined> {
  const waiting = await accountsWithoutPassword(database);
  if (waiting.length === 0) return undefined;
  const named = waiting.length > 5 ? `${waiting.slice(0, 5).join(', ')} and ${waiting.length - 5} more` : waiting.join(', ');
  return `${waiting.length} account${waiting.length === 1 ? ' has' : 's have'} no password here (${named}): passwords stay with the database they were set in, API tokens keep working; \`concord serve\` prints a one-time password for the first administrator, and \`concord user reset-password NAME\` gives one to any account`;
}

function foldPower(acts: readonly RecordedAct[]): { accounts: Map<string, AccountRow>; tokens: Map<string, ApiTokenRow> } {
  const accounts = new Map<string, AccountRow>();
  const tokens = new Map<string, ApiTokenRow>();
  for (const change of acts.flatMap(powerChanges)) {
    if (change.kind === 'account-created') accounts.set(change.row.username, change.row);
    else if (change.kind === 'token-issued') tokens.set(change.row.id, change.row);
    else if (change.kind === 'account-changed') {
      const row = accounts.get(change.username);
      if (row) accounts.set(change.username, { ...row, ...change.set });
    } else {
      for (const token of tokens.values()) {
        if (token.username === change.username && token.revoked_at === null && (change.id === undefined || token.id === change.id)) tokens.set(token.id, { ...token, revoked_at: change.at });
      }
    }
  }
  return { accounts, tokens };
}

/** The first row, by key, that the table and the ledger disagree on. */
function compareRows<R extends object>(table: string, expected: ReadonlyMap<string, R>, actual: ReadonlyMap<string, R>): Disagreement | undefined {
  for (const key of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
    const want = expected.get(key);
    const have = actual.get(key);
    if (!want) return { ok: false, table, key, reason: 'the table has this row, but no event in the ledger records it' };
    if (!have) return { ok: false, table, key, reason: 'the ledger records this row, but the table lacks it' };
    const differing = Object.entries(want)
      .filter(([column, value]) => (have as Record<string, unknown>)[column] !== value)
      .map(([column, value]) => `${column} is ${JSON.stringify((have as Record<string, unknown>)[column])}, the ledger says ${JSON.stringify(value)}`);
    if (differing.length > 0) return { ok: false, table, key, reason: differing.join('; ') };
  }
  return undefined;
}

function compareCredentials(accounts: ReadonlyMap<string, AccountRow>, credentials: readonly { username: string; password_hash: string }[]): Disagreement | undefined {
  for (const { username, password_hash } of [...credentials].sort((a, b) => (a.username < b.username ? -1 : 1))) {
    const digest = accounts.get(username)?.password_hash_digest;
    const fault = digest === undefined ? 'a password for an account the ledger does not record' : digest === null ? 'a password the ledger recorded no digest of' : sha256(password_hash) !== digest ? 'the password hash is not the one the ledger recorded (its SHA-256 differs)' : undefined;
    if (fault !== undefined) return { ok: false, table: 'account_credentials', key: username, reason: fault };
  }
  return undefined;
}
