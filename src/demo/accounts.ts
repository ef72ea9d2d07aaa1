/**
 * The demo's accounts, one for each way of using Concord: the secretariat's officer, a delegate
 * of each member state, an analyst and an observer. Their passwords are printed at start: they
 * are for trying the demo, never for a secretariat's own data.
 */
import { createAccount, type Concord } from '../app/index.js';
import type { AccountRole } from '../core/access/index.js';
import { sitsAsMember, statusOn } from '../core/framework/index.js';
import { DEMO_ACTOR } from './spring-2024.js';

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly role: AccountRole;
  readonly state: string | null;
}

export function demoAccounts(c: Concord): DemoAccount[] {
  const today = c.today();
  const delegates = c.pack.members.filter((m) => sitsAsMember(statusOn(m, today))).map((m) => ({ username: `delegate-${m.state.toLowerCase()}`, role: 'delegate' as const, state: m.state }));
  return [{ username: 'officer', role: 'officer' as const, state: null }, ...delegates, { username: 'analyst', role: 'analyst' as const, state: null }, { username: 'observer', role: 'observer' as const, state: null }].map((a) => ({
    ...a,
    password: `${a.username}-demo-2024`,
  }));
}

/** Creates the demo accounts that do not exist yet; an existing one is left as its holder left it. */
export async function ensureDemoAccounts(c: Concord): Promise<DemoAccount[]> {
  const existing = new Set((await c.database.db.selectFrom('accounts').select('username').execute()).map((r) => r.username));
  const accounts = demoAccounts(c);
  for (const account of accounts.filter((a) => !existing.has(a.username))) {
    // Published for trying the demo, so not changed at the first sign-in as an administrator's would be.
    const created = await createAccount(c, account, { actor: DEMO_ACTOR, idempotencyKey: `demo:account:${account.username}` }, { keepPassword: true });
    if (!created.ok && created.refusal.code !== 'conflict') throw new Error(`demo account ${account.username}: ${created.refusal.message}`);
  }
  return accounts;
}
