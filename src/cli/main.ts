/**
 * The `concord` command.
 */
import { Command, CommanderError } from 'commander';
import { runDecide } from './decide-command.js';
import { runList, runSchema, runShow, runValidate } from './framework-command.js';
import { EXIT_BAD_INPUT, EXIT_FAILED } from './io.js';
import { runTour } from './tour.js';
import { runServe } from './serve-command.js';
import { runDemo } from './demo-command.js';
import { runCheckpoint, runExport, runImport, runKey, runProve, runReplay, runVerify, type VerifyFlags } from './ledger-command.js';
import { modules } from '../modules/index.js';
import { runTimers } from './timers-command.js';
import { runInit } from './init-command.js';
import { withConcord, withDatabase, withStoreOptions, type StoreFlags } from './store-options.js';

/** An export is public: the instance's secrets travel beside it, never in it. */
const INSTANCE_KEYS = 'An export holds no secret: to move the instance, copy the data folder\'s keys/ (the signing key and ack-links.key, which the acknowledgement links sent before need) to the new data folder, or point CONCORD_SIGNING_KEY and CONCORD_ACK_KEY at them.';

function program(setExit: (code: number) => void): Command {
  const root = new Command('concord')
    .description('The secretariat engine of a collective-security treaty organization.')
    .showHelpAfterError('(run "concord --help" for usage)')
    .exitOverride();

  root
    .command('decide')
    .description('Read one JSON question (stdin or --input) and print the outcome the framework gives, with its trace.')
    .requiredOption('--framework <id|path>', 'a shipped pack id (csto, nato, osce, eu-council, un-security-council) or a pack folder')
    .option('--input <file>', 'read the question from this file instead of standard input')
    .option('--as-of <date>', 'apply the rules in force on this date')
    .option('--now <instant>', 'the present instant for deadlines (default: the clock)')
    .option('--pretty', 'indent the JSON output')
    .action(async (flags: { framework: string; input?: string; asOf?: string; now?: string; pretty?: boolean }) => {
      setExit(await runDecide(flags));
    });

  const framework = root.command('framework').description('Framework packs: the legal framework as data.');
  framework
    .command('validate')
    .description('Check packs against the schema and their own references; every problem as file:line: reason.')
    .argument('<paths...>', 'pack folders, files or shipped ids')
    .option('--json', 'print a machine-readable report')
    .action((paths: string[], flags: { json?: boolean }) => { setExit(runValidate(paths, flags.json ?? false)); });
  framework
    .command('show')
    .description('Summarize a pack as of a date: standing, chair, bodies, rules and the articles they cite.')
    .argument('<id>', 'a shipped pack id or a pack folder')
    .option('--as-of <date>', 'the date to read the pack at (default: today)')
    .option('--json', 'print JSON')
    .action((id: string, flags: { asOf?: string; json?: boolean }) => { setExit(runShow(id, flags.asOf, flags.json ?? false)); });
  framework
    .command('schema')
    .description('Print the JSON Schema that packs are validated against (also shipped as schema/framework-pack.schema.json).')
    .action(() => {
      setExit(runSchema());
    });
  framework
    .command('list')
    .description('List the shipped packs.')
    .action(() => { setExit(runList()); });

  const ledger = root.command('ledger').description('The tamper-evident ledger of every procedural act.');
  withStoreOptions(
    ledger
      .command('verify')
      .description('Recompute the hash chain and the Merkle tree; with --against, check the ledger extends a signed checkpoint. Exit 1 naming the first disagreement.')
      .option('--against <file>', 'a checkpoint written by "concord ledger checkpoint --json" (or handed to a member)')
      .option('--key <file>', "the organization's public key (PEM) to check the checkpoint's signature with (default: the key of this instance)")
      .option('--json', 'print JSON'),
  ).action(async (flags: StoreFlags & VerifyFlags) => {
    setExit(await withConcord('ledger verify', flags, (c) => runVerify(c, flags), 'inspect'));
  });
  withStoreOptions(ledger.command('checkpoint').description("Sign a checkpoint of the ledger as it stands (its size and Merkle root) with the organization's key.").option('--json', 'print the checkpoint as JSON')).action(
    async (flags: StoreFlags & { json?: boolean }) => {
      setExit(await withConcord('ledger checkpoint', flags, (c) => runCheckpoint(c, flags.json ?? false), 'maintain'));
    },
  );
  withStoreOptions(ledger.command('prove').description('Print the proof that one entry is in the ledger, against a signed checkpoint.').argument('<seq>', "the entry's sequence number").option('--json', 'print JSON')).action(
    async (seq: string, flags: StoreFlags & { json?: boolean }) => {
      setExit(await withConcord('ledger prove', flags, (c) => runProve(c, seq, flags.json ?? false), 'maintain'));
    },
  );
  withStoreOptions(ledger.command('key').description("Print the organization's public key, for members to check checkpoints with.")).action(async (flags: StoreFlags) => {
    setExit(await withConcord('ledger key', flags, (c) => Promise.resolve(runKey(c)), 'maintain'));
  });
  withStoreOptions(ledger.command('export').description(`Write the ledger as NDJSON, hashes included. ${INSTANCE_KEYS}`).option('--output <file>', 'write to a file instead of standard output')).action(
    async (flags: StoreFlags & { output?: string }) => {
      setExit(await withConcord('ledger export', flags, (c) => runExport(c, flags.output), 'inspect'));
    },
  );
  ledger
    .command('import')
    .description(`Load an NDJSON export into an empty database; the whole chain is checked first. ${INSTANCE_KEYS}`)
    .argument('<file>', 'an export written by "concord ledger export"')
    .option('--data <dir>', 'the data folder of the embedded database (default: $CONCORD_DATA or ./data)')
    .action(async (file: string, flags: StoreFlags) => {
      setExit(await withDatabase('ledger import', flags, (db) => runImport(db, file)));
    });
  withStoreOptions(ledger.command('replay').description('Rebuild every read model from the ledger and check it equals the live one.')).action(async (flags: StoreFlags) => {
    setExit(await withConcord('ledger replay', flags, (c) => runReplay(c), 'maintain'));
  });

  withStoreOptions(root.command('init').description('Set up the database with the pack and its documented history (commands that only read set up nothing), and say what it holds.')).action(async (flags: StoreFlags) => {
    setExit(await withConcord('init', flags, (c) => runInit(c)));
  });

  withStoreOptions(root.command('timers').description('Fire the deadlines that are due (also done on every start) and list those pending.')).action(async (flags: StoreFlags) => {
    setExit(await withConcord('timers', flags, (c) => runTimers(c)));
  });

  withStoreOptions(root.command('serve').description('Run the HTTP server, with deadlines and notifications running.'))
    .option('--port <port>', 'the port (default: $PORT or 8080)')
    .option('--host <host>', 'the address to listen on (default: $HOST or 127.0.0.1)')
    .action(async (flags: StoreFlags & { port?: string; host?: string }) => {
      setExit(await withConcord('serve', flags, (c) => runServe(c, flags)));
    });

  withStoreOptions(root.command('demo').description('Serve the CSTO secretariat with spring 2024 on record and an account for each role (the demo).'))
    .option('--port <port>', 'the port (default: $PORT or 8080)')
    .option('--host <host>', 'the address to listen on (default: $HOST or 127.0.0.1)')
    .action(async (flags: StoreFlags & { port?: string; host?: string }) => {
      setExit(await withConcord('demo', flags, (c) => runDemo(c, flags)));
    });

  for (const module of modules()) module.commands?.(root, setExit);

  root
    .command('tour')
    .description('A guided tour of the shipped packs: each answers a documented question.')
    .action(() => { setExit(runTour()); });
  return root;
}

async function main(argv: string[]): Promise<number> {
  let code = 0;
  try {
    await program((c) => (code = c)).parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    process.stderr.write(`concord: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_FAILED;
  }
  return code;
}

process.exitCode = await main(process.argv);
