/**
 * `concord demo`: the CSTO secretariat with spring 2024 on record and an account for each role,
 * served. Run again on the same data, it records nothing new and serves what is there.
 */
import type { Concord } from '../app/index.js';
import { modules } from '../modules/index.js';
import { ensureDemoAccounts, seedSpring2024 } from '../demo/index.js';
import { EXIT_BAD_INPUT, refuse } from './io.js';
import { listenAddress, serve } from './serve-command.js';

export async function runDemo(c: Concord, flags: { port?: string; host?: string }): Promise<number> {
  if (c.framework.id !== 'csto') return refuse('demo', `--framework: the demo reconstructs the CSTO's spring 2024; this data folder holds "${c.framework.id}"`);
  // Checked before anything is recorded.
  const address = listenAddress('demo', flags);
  if (!address) return EXIT_BAD_INPUT;
  const summary = await seedSpring2024(c);
  const more: string[] = [];
  for (const module of modules()) {
    const line = await module.demo?.(c);
    if (line !== undefined) more.push(`Demo: ${line}`);
  }
  const accounts = await ensureDemoAccounts(c);
  const width = Math.max(...accounts.map((a) => a.username.length));
  const passwordWidth = Math.max(...accounts.map((a) => a.password.length));
  return serve(c, address, 'demo', [
    `Demo: spring 2024 on record (${summary.recorded === 0 ? 'already there' : `${summary.recorded} ledger entries recorded`}); written procedure ${summary.openProcedure.id} open until ${summary.openProcedure.deadline}`,
    ...more,
    'Demo accounts (username  password  role):',
    ...accounts.map((a) => `  ${a.username.padEnd(width)}  ${a.password.padEnd(passwordWidth)}  ${a.role}${a.state ? ` of ${a.state}` : ''}`),
  ]);
}
