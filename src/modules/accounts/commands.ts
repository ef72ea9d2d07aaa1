/**
 * `concord user add|list|disable|role|reset-password`: accounts, from the machine Concord runs on.
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
      .description('Create an account; without --password a one-time password is printed. Either is changed at the first sign-in.')
      .argument('<username>', 'lower-case letters, digits, ".", "_" or "-"')
      .requiredOption('--role <role>', ROLES.join(' | '))
      .option('--state <code>', 'for a delegate: the member state (alpha-3)')
      .option('--password <password>', 'at least 12 characters, not a common one (prefer the one-time password: a password here stays in the shell history)')
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
      }, 'show'),
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
  withStoreOptions(
    user
      .command('role')
      .description('Give an account another role; the last active administrator keeps theirs.')
      .argument('<username>')
      .requiredOption('--role <role>', ROLES.join(' | '))
      .option('--state <code>', 'for a delegate: the member state (alpha-3)'),
  ).action(async (username: string, flags: StoreFlags & { role: string; state?: string }) => {
    setExit(
      await withConcord('user role', flags, async (c) => {
        const result = await desk.assignRole(c, cli(), username, { role: flags.role as AccountRole, state: flags.state });
        if (!result.ok) return refuse('user role', `${optionOf(result.refusal.field)}: ${result.refusal.message}`);
        process.stdout.write(`${username}: ${result.value.role}${result.value.state ? ` of ${result.value.state}` : ''}\n`);
        return EXIT_OK;
      }),
    );
  });
  withStoreOptions(
    user
      .command('reset-password')
      .description('Give an account a one-time password, to be changed at the first sign-in (e.g. after `concord ledger import`: passwords stay with the database they were set in).')
      .argument('<username>'),
  ).action(async (username: string, flags: StoreFlags) => {
    setExit(
      await withConcord('user reset-password', flags, async (c) => {
        const result = await desk.reset(c, cli(), username);
        if (!result.ok) return refuse('user reset-password', `${result.refusal.field}: ${result.refusal.message}`);
        process.stdout.write(`${username}: one-time password: ${result.value.oneTimePassword} (shown once; to be changed at the first sign-in)\n`);
        return EXIT_OK;
      }),
    );
  });
}

/** The username is a command's argument; every other field is an option. */
function optionOf(field: string): string {
  return field === 'username' ? 'username' : `--${field}`;
}

async function runAdd(c: Concord, username: string, flags: { role: string; state?: string; password?: string; json?: boolean }): Promise<number> {
  const result = await desk.addAccount(c, cli(), { username, role: flags.role as AccountRole, state: flags.state, password: flags.password });
  if (!result.ok) return refuse('user add', `${optionOf(result.refusal.field)}: ${result.refusal.message}`);
  const { account, oneTimePassword } = result.value;
  if (flags.json) printJson({ account, oneTimePassword }, true);
  else {
    process.stdout.write(`${account.username}: ${account.role}${account.state ? ` of ${account.state}` : ''}\n`);
    if (oneTimePassword) process.stdout.write(`one-time password: ${oneTimePassword} (shown once; to be changed at the first sign-in)\n`);
  }
  return EXIT_OK;
}
