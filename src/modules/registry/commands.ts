/**
 * `concord registry`, `concord note register`, `concord statement record`, `concord timers`.
 */
import { desk, type Concord, type PartyRecord } from '../../app/index.js';
import { memberName } from '../../core/framework/index.js';
import { NOTE_KINDS, type NoteKind, type PublicStatement } from '../../core/correspondence/index.js';
import { isCalendarDate } from '../../core/procedure/index.js';
import type { Command } from 'commander';
import { EXIT_OK, printJson, refuse, report } from '../../cli/io.js';
import { underKey } from '../../cli/request-key.js';
import { withConcord, withStoreOptions, type StoreFlags } from '../../cli/store-options.js';

/** The registry's questions from the command line are the system's. */
const system = () => desk.systemPrincipal('cli');

export interface RegistryFlags {
  readonly asOf?: string;
  readonly knownAt?: string;
  readonly state?: string;
  readonly json?: boolean;
}

/** The dates asked for, checked before the database is opened: a typing error is told as such, wherever the data is. */
function datesProblem(flags: RegistryFlags): string | undefined {
  for (const [name, value] of [['--as-of', flags.asOf], ['--known-at', flags.knownAt]] as const) {
    if (value !== undefined && !isCalendarDate(value)) return `${name}: expected a date YYYY-MM-DD, got "${value}"`;
  }
  return undefined;
}

async function runRegistry(c: Concord, flags: RegistryFlags): Promise<number> {
  const today = c.today();
  const asOf = flags.asOf ?? today;
  const knownAt = flags.knownAt ?? today;
  if (flags.state !== undefined) {
    const found = await desk.partyView(c, system(), flags.state, { asOf, knownAt });
    const record = found.ok ? found.value : undefined;
    if (!record?.standing) return refuse('registry', `--state: ${flags.state} has no standing in ${c.pack.id} on ${asOf} as known on ${knownAt}`);
    if (flags.json) printJson({ asOf, knownAt, standing: record.standing, history: record.history, notes: record.notes, statements: record.statements }, true);
    else process.stdout.write(renderRecord(c, record, asOf, knownAt));
    return EXIT_OK;
  }
  const answered = await desk.registryView(c, system(), { asOf, knownAt });
  if (!answered.ok) return refuse('registry', `${answered.refusal.field}: ${answered.refusal.message}`);
  const parties = answered.value;
  if (flags.json) {
    printJson({ asOf, knownAt, parties }, true);
    return EXIT_OK;
  }
  const lines = [`${c.pack.organization.name.en}: registry as of ${asOf}, as known on ${knownAt}`, ''];
  for (const p of parties) {
    const participation = p.participation ? (p.participation.participating ? 'participating' : `not participating since ${p.participation.since}`) : '';
    lines.push(`${p.party}  ${memberName(c.pack, p.party).padEnd(14)} ${p.role.padEnd(8)} ${p.status.padEnd(19)} since ${p.since}  ${participation}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

function renderRecord(c: Concord, r: PartyRecord, asOf: string, knownAt: string): string {
  const s = r.standing;
  if (!s) return '';
  const lines = [
    `${memberName(c.pack, s.party)} (${s.party}) as of ${asOf}, as known on ${knownAt}`,
    `  legal status:  ${s.status} (${s.role}) since ${s.since} — ${s.act}${s.cites.length ? ` [${s.cites.join(', ')}]` : ''}`,
    `  participation: ${s.participation ? `${s.participation.participating ? 'participating' : 'not participating'} since ${s.participation.since} — ${s.participation.basis}` : 'no record'}`,
    `  withdrawal or suspension: ${officialActs(r.notes)}`,
    '',
    `  official notes on record (${r.notes.length}):`,
    ...(r.notes.length ? r.notes.map((n) => `    ${n.dated}  ${n.kind}  ${n.reference}  ${n.authority}: ${n.subject}`) : ['    none']),
    '',
    `  public statements (${r.statements.length}) — recorded apart; they change no status:`,
    ...(r.statements.length ? r.statements.map((st) => `    ${st.saidOn}  ${st.speaker}, ${st.venue}: ${st.summary} <${st.url}>`) : ['    none']),
  ];
  return `${lines.join('\n')}\n`;
}

function officialActs(notes: readonly { kind: string; dated: string }[]): string {
  const acts = notes.filter((n) => n.kind === 'withdrawal-notice' || n.kind === 'request-to-suspend');
  return acts.length === 0 ? 'no official notice of withdrawal or request to suspend on record' : acts.map((n) => `${n.kind} of ${n.dated}`).join('; ');
}

export interface NoteFlags {
  readonly from: string;
  readonly authority: string;
  readonly reference: string;
  readonly dated: string;
  readonly kind: string;
  readonly subject: string;
  readonly backdatingReason?: string;
  readonly idempotencyKey?: string;
  readonly actor?: string;
  readonly json?: boolean;
}

export async function runNoteRegister(c: Concord, flags: NoteFlags): Promise<number> {
  if (!(NOTE_KINDS as readonly string[]).includes(flags.kind)) return refuse('note register', `--kind: expected one of: ${NOTE_KINDS.join(', ')}; got "${flags.kind}"`);
  const result = await desk.registerNote(
    c,
    desk.systemPrincipal(flags.actor ?? 'cli', flags.idempotencyKey),
    {
      sender: flags.from,
      authority: flags.authority,
      reference: flags.reference,
      dated: flags.dated,
      kind: flags.kind as NoteKind,
      subject: flags.subject,
      ...(flags.backdatingReason === undefined ? {} : { backdatingReason: flags.backdatingReason }),
    },
  );
  return report('note register', result, flags.json ?? false, (n) => `registered note ${n.id}: ${n.kind} from ${n.sender}, ${n.reference} of ${n.dated}`);
}

export type StatementFlags = Omit<PublicStatement, 'id'> & {
  readonly idempotencyKey?: string;
  readonly actor?: string;
  readonly json?: boolean;
};

export async function runStatementRecord(c: Concord, flags: StatementFlags): Promise<number> {
  const statement = { speaker: flags.speaker, state: flags.state, venue: flags.venue, saidOn: flags.saidOn, url: flags.url, summary: flags.summary };
  const result = await desk.recordStatement(c, desk.systemPrincipal(flags.actor ?? 'cli', flags.idempotencyKey), statement);
  return report('statement record', result, flags.json ?? false, (s) => `recorded statement ${s.id} by ${s.speaker} (${s.saidOn}); no status changes on a statement`);
}

export function registryCommands(root: Command, setExit: (code: number) => void): void {
  withStoreOptions(
    root
      .command('registry')
      .description('The registry of members, observers and partners: status of each on a date, as known on a date.')
      .option('--as-of <date>', 'the date whose legal situation is asked about (default: today)')
      .option('--known-at <date>', 'count only what the secretariat knew by the end of this day (default: today)')
      .option('--state <code>', 'one party in detail: status, participation, official notes and statements')
      .option('--json', 'print JSON'),
  ).action(async (flags: RegistryFlags & StoreFlags) => {
    const problem = datesProblem(flags);
    setExit(problem === undefined ? await withConcord('registry', flags, (c) => runRegistry(c, flags), 'show') : refuse('registry', problem));
  });

  const note = root.command('note').description('The register of official correspondence.');
  withStoreOptions(
    note
      .command('register')
      .description('Register an incoming note; a withdrawal notice starts its notice period.')
      .requiredOption('--from <state>', 'the sending state (alpha-3)')
      .requiredOption('--authority <name>', 'the sending authority')
      .requiredOption('--reference <number>', "the sender's reference number")
      .requiredOption('--dated <date>', 'the date the note bears')
      .requiredOption('--kind <kind>', NOTE_KINDS.join(' | '))
      .requiredOption('--subject <text>', 'what the note is about')
      .option('--backdating-reason <text>', 'why the note is registered only now: required when it is dated before the sender was a member, or longer ago than the framework allows (90 days by default)')
      .option('--idempotency-key <key>', 'the same command again under this key records nothing more; another one under it is refused')
      .option('--json', 'print JSON'),
  ).action(async (flags: NoteFlags & StoreFlags) => {
    setExit(await withConcord('note register', flags, (c) => underKey(c, 'note register', flags, [], (keyed) => runNoteRegister(c, keyed))));
  });

  const statement = root.command('statement').description('Public statements: recorded apart, never a change of status.');
  withStoreOptions(
    statement
      .command('record')
      .description('Record a statement made in public.')
      .requiredOption('--speaker <who>', 'name and office')
      .requiredOption('--state <code>', 'the state spoken for or about (alpha-3)')
      .requiredOption('--venue <where>', 'outlet, forum or interview')
      .requiredOption('--said-on <date>', 'the date it was said')
      .requiredOption('--url <link>', 'where it can be read')
      .requiredOption('--summary <text>', 'what was said, in a sentence')
      .option('--idempotency-key <key>', 'the same command again under this key records nothing more; another one under it is refused')
      .option('--json', 'print JSON'),
  ).action(async (flags: StatementFlags & StoreFlags) => {
    setExit(await withConcord('statement record', flags, (c) => underKey(c, 'statement record', flags, [], (keyed) => runStatementRecord(c, keyed))));
  });
}
