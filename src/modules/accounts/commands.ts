/**
 * `concord user add|list|disable`: accounts, from the machine Concord runs on.
 */
import type { Command } from 'commander';
import { desk, type Concord } from '../../app/index.js';
import { ROLES, type AccountRole } from '../../core/access/index.js';
import { EXIT_OK, printJson, refuse } from '../../cli/io.js';
import { withConcord, withStoreOptions, type StoreFlags } from '../../cli/store-options.js';

/** Accounts are managed from the machine as the system, named `cli:user` in the ledger. */
const cli = () => desk.systemPrincipal('cli:user');

export function accountCommands(root: Command, setExit: (code: number) => void): void {
  const user = root.command('user').description('Accounts: secretariat administrators and officers, delegates, analysts, observers.');
  withStoreOptions(
    user
      .command('add')
      .description('Create an account; without --password a one-time password is printed, to be changed at the first sign-in.')
      .argument('<username>', 'lower-case letters, digits, ".", "_" or "-"')
      .requiredOption('--role <role>', ROLES.join(' | '))
      .option('--state <code>', 'for a delegate: the member state (alpha-3)')
      .option('--password <password>', 'at least 12 characters (prefer the one-time password: a password here stays in the shell history)')
      .option('--json', 'print JSON'),
  ).action(async (username: string, flags: StoreFlags & { role: string; state?: string; password?: string; json?: boolean }) => {
    setExit(await withConcord('user add', flags, (c) => runAdd(c, username, flags)));
  });
  withStoreOptions(user.command('list').description('List the accounts.').option('--json', 'print JSON')).action(async (flags: StoreFlags & { json?: boolean }) => {
    setExit(
      await withConcord('user list', flags, async (c) => {
        const listed = await desk.accounts(c, cli());
        if (!listed.ok) return refuse('user list', `${listed.refusal.field}: ${listed.refusal.message}`);
        const accounts = listed.value;
        if (flags.json) printJson(accounts, true);
        else for (const a of accounts) process.stdout.write(`${a.username.padEnd(20)} ${a.role.padEnd(9)} ${(a.state ?? '').padEnd(4)} ${a.disabledAt ? `disabled ${a.disabledAt}` : 'active'}\n`);
        return EXIT_OK;
      }),
    );
  });
  withStoreOptions(user.command('disable').description('Disable an account: its sessions end and its tokens are revoked.').argument('<username>')).action(async (username: string, flags: StoreFlags) => {
    setExit(
      await withConcord('user disable', flags, async (c) => {
        const result = await desk.disable(c, cli(), username);
        if (!result.ok) return refuse('user disable', `${result.refusal.field}: ${result.refusal.message}`);
        process.stdout.write(`${username} is disabled\n`);
        return EXIT_OK;
      }),
    );
  });
}

async function runAdd(c: Concord, username: string, flags: { role: string; state?: string; password?: string; json?: boolean }): Promise<number> {
  const result = await desk.addAccount(c, cli(), { username, role: flags.role as AccountRole, state: flags.state, password: flags.password });
  // The username is the command's argument; every other field is an option.
  if (!result.ok) return refuse('user add', `${result.refusal.field === 'username' ? 'username' : `--${result.refusal.field}`}: ${result.refusal.message}`);
  const { account, oneTimePassword } = result.value;
  if (flags.json) printJson({ account, oneTimePassword }, true);
  else {
    process.stdout.write(`${account.username}: ${account.role}${account.state ? ` of ${account.state}` : ''}\n`);
    if (oneTimePassword) process.stdout.write(`one-time password: ${oneTimePassword} (shown once; to be changed at the first sign-in)\n`);
  }
  return EXIT_OK;
}
