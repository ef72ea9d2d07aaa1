/**
 * `concord decision …`: drafts, procedures, positions, outcomes and their acknowledgement.
 */
import type { Command } from 'commander';
import { acknowledge, desk, type Concord } from '../../app/index.js';
import { boundNow } from '../../core/decision/index.js';
import { describeCitation, memberName } from '../../core/framework/index.js';
import { POSITION_WORDS, type PositionWord } from '../../core/procedure/index.js';
import { EXIT_OK, printJson, refuse, report } from '../../cli/io.js';
import { actor, json, signed, str, sub, type Flags } from '../../cli/subcommand.js';

export function decisionCommands(root: Command, setExit: (code: number) => void): void {
  const decision = root.command('decision').description('Drafts, procedures, positions, outcomes and their notification.');
  sub(decision, 'draft', 'Draft a decision (title and text in English and Russian).', runDraft, setExit)
    .requiredOption('--body <id>', 'the body that will decide')
    .requiredOption('--question <kind>', 'substantive, procedural, …')
    .requiredOption('--title-en <text>', 'title in English')
    .requiredOption('--title-ru <text>', 'title in Russian')
    .requiredOption('--text-en <text>', 'text in English')
    .requiredOption('--text-ru <text>', 'text in Russian')
    .option('--initiator <who>', 'who proposes it (default: Secretariat)')
    .option('--id <id>', 'the decision id (default: generated)');
  sub(decision, 'amend', 'Amend a draft before any position is recorded; every version is kept.', runAmend, setExit)
    .argument('<id>')
    .option('--title-en <text>')
    .option('--title-ru <text>')
    .option('--text-en <text>')
    .option('--text-ru <text>');
  sub(decision, 'circulate', 'Circulate a draft in writing or under a silence procedure, with a deadline.', runCirculate, setExit)
    .argument('<id>')
    .requiredOption('--procedure <kind>', 'written | silence')
    .requiredOption('--deadline <instant>', 'ISO 8601, e.g. 2026-12-10T12:00:00Z');
  sub(decision, 'position', "Record a member's position, with the document that carries it.", runPosition, setExit)
    .argument('<id>')
    .requiredOption('--state <code>', 'the member')
    .requiredOption('--position <word>', POSITION_WORDS.join(' | '))
    .option('--at <instant>', 'when it was received (default: now)')
    .option('--note <id>', 'the registered note that carries it')
    .option('--by <delegate>', "the delegate who entered it (default: the actor)");
  sub(decision, 'close', 'Close a procedure now and apply the framework (a circulated one closes itself at its deadline).', async (c, f, id = '') => report('decision close', await desk.close(c, signed(f), id), json(f), (s) => outcomeLine(id, s.result ?? undefined)), setExit).argument('<id>');
  sub(decision, 'accede', 'Record the accession of a member that stayed out.', runAccede, setExit)
    .argument('<id>')
    .requiredOption('--state <code>')
    .requiredOption('--dated <date>')
    .option('--note <id>', 'the registered note that carries it');
  sub(decision, 'ack', 'Acknowledge a notification: by the token of its link, or as the delegate of a member.', runAck, setExit)
    .argument('[id]', 'the decision (with --state)')
    .option('--token <token>', 'the token from the acknowledgement link')
    .option('--as <state>', 'the member acknowledging with the token')
    .option('--state <code>', 'the member whose delegate acknowledges');
  sub(decision, 'show', 'A decision: versions, positions, outcome with its trace, notifications.', runShow, setExit, 'show').argument('<id>');
  sub(decision, 'list', 'Every decision, newest first.', runList, setExit, 'show');
}

async function runDraft(c: Concord, f: Flags): Promise<number> {
  const result = await desk.draft(c, signed(f), {
    id: str(f.id),
    title: { en: str(f.titleEn) ?? '', ru: str(f.titleRu) ?? '' },
    text: { en: str(f.textEn) ?? '', ru: str(f.textRu) ?? '' },
    body: str(f.body) ?? '',
    question: str(f.question) ?? '',
    initiator: str(f.initiator) ?? 'Secretariat',
  });
  return report('decision draft', result, json(f), (v) => `drafted ${v.id}: ${v.title.en}`);
}

async function runAmend(c: Concord, f: Flags, id = ''): Promise<number> {
  const current = await desk.decisionView(c, signed(f), id);
  const was = current.ok ? current.value : undefined;
  const title = f.titleEn || f.titleRu ? { en: str(f.titleEn) ?? was?.title.en ?? '', ru: str(f.titleRu) ?? was?.title.ru ?? '' } : undefined;
  const text = f.textEn || f.textRu ? { en: str(f.textEn) ?? was?.text.en ?? '', ru: str(f.textRu) ?? was?.text.ru ?? '' } : undefined;
  return report('decision amend', await desk.amend(c, signed(f), id, { ...(title ? { title } : {}), ...(text ? { text } : {}) }), json(f), (s) => `${id} is now at version ${s.version}`);
}

async function runCirculate(c: Concord, f: Flags, id = ''): Promise<number> {
  const procedure = str(f.procedure);
  if (procedure !== 'written' && procedure !== 'silence') return refuse('decision circulate', `--procedure: expected written or silence, got "${procedure ?? ''}"`);
  return report('decision circulate', await desk.circulate(c, signed(f), id, { procedure, deadline: str(f.deadline) ?? '' }), json(f), (s) => `${id} circulated (${procedure}) until ${s.deadline ?? ''}`);
}

/** A state's act from the command line rests on its note, or on the delegate it was entered for (default: the actor). */
function stateAct(f: Flags): desk.StateAct {
  return { state: str(f.state) ?? '', noteId: str(f.note), enteredFor: str(f.note) === undefined ? (str(f.by) ?? actor(f).actor) : undefined };
}

async function runPosition(c: Concord, f: Flags, id = ''): Promise<number> {
  const position = str(f.position) ?? '';
  if (!(POSITION_WORDS as readonly string[]).includes(position)) return refuse('decision position', `--position: expected one of: ${POSITION_WORDS.join(', ')}; got "${position}"`);
  const at = str(f.at);
  if (at !== undefined && Number.isNaN(Date.parse(at))) return refuse('decision position', `--at: expected an ISO 8601 date-time, got "${at}"`);
  const result = await desk.position(c, signed(f), id, { ...stateAct(f), position: position as PositionWord, at });
  return report('decision position', result, json(f), () => `${str(f.state) ?? ''}: ${position} on ${id}`);
}

async function runAccede(c: Concord, f: Flags, id = ''): Promise<number> {
  const result = await desk.accede(c, signed(f), id, { ...stateAct(f), accededOn: str(f.dated) ?? '' });
  return report('decision accede', result, json(f), (s) => `${str(f.state) ?? ''} acceded to ${id}; it now binds ${boundNow(s).join(', ')}`);
}

/** By the link's token (what a member's system does, signed by the token alone), or for a member by the system. */
async function runAck(c: Concord, f: Flags, id?: string): Promise<number> {
  const token = str(f.token);
  const state = str(f.state);
  if (token !== undefined) return report('decision ack', await acknowledge(c, { token, asState: str(f.as) }, actor(f)), json(f), acknowledged);
  if (id === undefined || state === undefined) return refuse('decision ack', 'give --token, or the decision id and --state');
  return report('decision ack', await desk.acknowledgeNotification(c, signed(f), id, state), json(f), acknowledged);
}

function acknowledged(a: { state: string; notificationId: string; via: string }): string {
  return `${a.state} acknowledged ${a.notificationId.split(':')[0] ?? ''} (${a.via})`;
}

function outcomeLine(id: string, result: { outcome: string; reason: string; notBound: readonly string[]; blockedBy: readonly string[] } | undefined): string {
  if (!result) return `${id}: not closed`;
  return `${id}: ${result.outcome.toUpperCase()} (${result.reason})${result.blockedBy.length ? `, blocked by ${result.blockedBy.join(', ')}` : ''}${result.notBound.length ? `; not bound: ${result.notBound.join(', ')}` : ''}`;
}

async function runShow(c: Concord, f: Flags, id = ''): Promise<number> {
  const shown = await desk.decisionView(c, signed(f), id);
  if (!shown.ok) return refuse('decision show', `${shown.refusal.field}: ${shown.refusal.message}`);
  const view = shown.value;
  if (json(f)) {
    printJson(view, true);
    return EXIT_OK;
  }
  const lines = [
    `${id} — ${view.title.en} / ${view.title.ru} (version ${view.version})`,
    `  ${view.body}, ${view.question} question; ${view.status}${view.procedure ? ` (${view.procedure}${view.deadline ? ` until ${view.deadline}` : ''})` : ''}`,
    '  positions:',
    ...Object.entries(view.positions).map(([s, p]) => `    ${s}  ${p.position.padEnd(12)} ${p.at}  ${p.document?.kind === 'note' ? `note ${p.document.noteId}` : p.document ? `entered by ${p.document.by}` : ''}`),
  ];
  if (view.result) {
    lines.push(`  outcome: ${outcomeLine(id, view.result)}`);
    for (const t of view.result.trace) lines.push(`    · ${t.finding}`, `      ${t.cites.map((ci) => describeCitation(c.pack, ci)).join('; ')}`);
    lines.push('  notifications:');
    for (const n of [...view.notifications].sort((a, b) => a.state.localeCompare(b.state))) lines.push(`    ${n.state}  ${memberName(c.pack, n.state).padEnd(12)} delivered ${n.deliveredAt ?? '—'}  acknowledged ${n.acknowledgedAt ?? '—'}${n.acknowledgedVia ? ` (${n.acknowledgedVia})` : ''}`);
    if (view.acceded.length) lines.push(`  acceded since: ${view.acceded.join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

async function runList(c: Concord, f: Flags): Promise<number> {
  const listed = await desk.decisions(c, signed(f));
  if (!listed.ok) return refuse('decision list', `${listed.refusal.field}: ${listed.refusal.message}`);
  if (json(f)) printJson(listed.value, true);
  else for (const d of listed.value) process.stdout.write(`${d.id}  ${d.status.padEnd(11)} ${(d.outcome ?? '').padEnd(9)} ${d.body}  ${d.title.en}\n`);
  return EXIT_OK;
}
