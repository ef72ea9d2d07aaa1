/**
 * `concord registry`, `concord note register`, `concord statement record`, `concord timers`.
 */
import {
  fireDueTimers,
  partyRecordAt,
  recordPublicStatement,
  registerOfficialNote,
  registryAt,
  type Concord,
} from '../app/index.js';
import { memberName } from '../core/framework/index.js';
import { NOTE_KINDS, type NoteKind, type PublicStatement } from '../core/correspondence/index.js';
import { isCalendarDate } from '../core/procedure/index.js';
import { EXIT_OK, printJson, refuse, report } from './io.js';

export interface RegistryFlags {
  readonly asOf?: string;
  readonly knownAt?: string;
  readonly state?: string;
  readonly json?: boolean;
}

export async function runRegistry(c: Concord, flags: RegistryFlags): Promise<number> {
  const today = c.today();
  const asOf = flags.asOf ?? today;
  const knownAt = flags.knownAt ?? today;
  for (const [name, value] of [['--as-of', asOf], ['--known-at', knownAt]] as const) {
    if (!isCalendarDate(value)) return refuse('registry', `${name}: expected a date YYYY-MM-DD, got "${value}"`);
  }
  if (flags.state !== undefined) {
    const record = await partyRecordAt(c, flags.state, { asOf, knownAt });
    if (!record.standing) return refuse('registry', `--state: ${flags.state} has no standing in ${c.pack.id} on ${asOf} as known on ${knownAt}`);
    if (flags.json) printJson({ asOf, knownAt, ...record }, true);
    else process.stdout.write(renderRecord(c, record, asOf, knownAt));
    return EXIT_OK;
  }
  const parties = await registryAt(c, { asOf, knownAt });
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

function renderRecord(c: Concord, r: Awaited<ReturnType<typeof partyRecordAt>>, asOf: string, knownAt: string): string {
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
  readonly idempotencyKey?: string;
  readonly actor?: string;
  readonly json?: boolean;
}

export async function runNoteRegister(c: Concord, flags: NoteFlags): Promise<number> {
  if (!(NOTE_KINDS as readonly string[]).includes(flags.kind)) return refuse('note register', `--kind: expected one of: ${NOTE_KINDS.join(', ')}; got "${flags.kind}"`);
  const result = await registerOfficialNote(
    c,
    { sender: flags.from, authority: flags.authority, reference: flags.reference, dated: flags.dated, kind: flags.kind as NoteKind, subject: flags.subject },
    { actor: flags.actor ?? 'cli', idempotencyKey: flags.idempotencyKey },
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
  const result = await recordPublicStatement(c, statement, { actor: flags.actor ?? 'cli', idempotencyKey: flags.idempotencyKey });
  return report('statement record', result, flags.json ?? false, (s) => `recorded statement ${s.id} by ${s.speaker} (${s.saidOn}); no status changes on a statement`);
}

export async function runTimers(c: Concord): Promise<number> {
  const fired = await fireDueTimers(c);
  const pending = await c.database.db.selectFrom('projection_timers').selectAll().where('fired_seq', 'is', null).orderBy('due_at').execute();
  process.stdout.write(`${fired} timer${fired === 1 ? '' : 's'} fired now; ${pending.length} pending${pending.map((t) => `\n  ${t.due_at}  ${t.kind}  ${t.stream_id}`).join('')}\n`);
  return EXIT_OK;
}

