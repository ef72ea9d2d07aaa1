/**
 * A module's subcommand: the store options, --actor, --idempotency-key and --json, the database
 * opened for the command and closed after it, and the key bound to the request.
 */
import type { Command } from 'commander';
import { desk, type Concord } from '../app/index.js';
import { underKey } from './request-key.js';
import { refuse } from './io.js';
import { withConcord, withStoreOptions, type StoreFlags, type StoreUse } from './store-options.js';

export type Flags = StoreFlags & Record<string, string | boolean | undefined>;
export type SubAction = (c: Concord, flags: Flags, ...args: string[]) => Promise<number>;

export const actor = (flags: Flags) => ({ actor: typeof flags.actor === 'string' ? flags.actor : 'cli', idempotencyKey: str(flags.idempotencyKey) });
/** The command line acts as the system, named in the ledger by its --actor. */
export const signed = (flags: Flags): desk.Signed => desk.systemPrincipal(actor(flags).actor, actor(flags).idempotencyKey);
export const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
export const json = (flags: Flags) => flags.json === true;

/** Adds a subcommand that opens the database, runs `action` and closes it; a read (`show`) sets up no database. */
export function sub(parent: Command, name: string, describe: string, action: SubAction, setExit: (code: number) => void, use: StoreUse = 'act'): Command {
  const command = withStoreOptions(parent.command(name).description(describe))
    .option('--actor <who>', 'who does this, for the ledger (default: cli)')
    .option('--idempotency-key <key>', 'the same command again under this key records nothing more; another one under it is refused')
    .option('--json', 'print JSON');
  command.action(async (...args: unknown[]) => {
    const positional = args.filter((a): a is string => typeof a === 'string');
    const flags = args.find((a): a is Flags => typeof a === 'object' && a !== null && !('commands' in a)) ?? {};
    const command = `${parent.name()} ${name}`;
    // The ledger names a person's acts `user:<name>`, from a signed-in session; the command line is not one.
    if (typeof flags.actor === 'string' && (flags.actor.startsWith('user:') || flags.actor.trim() === '')) {
      setExit(refuse(command, `--actor: "${flags.actor}" names a signed-in person; the command line acts as the system (e.g. officer:ivanov)`));
      return;
    }
    setExit(await withConcord(command, flags, (c) => underKey(c, command, flags, positional, (keyed) => action(c, keyed, ...positional)), use));
  });
  return command;
}
