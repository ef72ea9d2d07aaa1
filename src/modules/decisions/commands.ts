/**
 * `concord decision …`: drafts, procedures, positions, outcomes and their acknowledgement.
 */
import type { Command } from 'commander';
import { accedeToDecision, acknowledge, amendDecision, circulateDecision, closeDecision, decisionState, draftDecision, listDecisions, notificationsOf, recordPosition, type Concord } from '../../app/index.js';
import { boundNow, type PositionDocument } from '../../core/decision/index.js';
import { describeCitation, memberName } from '../../core/framework/index.js';
import { POSITION_WORDS, type PositionWord } from '../../core/procedure/index.js';
import { EXIT_OK, printJson, refuse, report } from '../../cli/io.js';
import { actor, json, str, sub, type Flags } from '../../cli/subcommand.js';

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
  sub(decision, 'close', 'Close a procedure now and apply the framework (a circulated one closes itself at its deadline).', async (c, f, id = '') => report('decision close', await closeDecision(c, id, actor(f)), json(f), (s) => outcomeLine(id, s.result)), setExit).argument('<id>');
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
  sub(decision, 'show', 'A decision: versions, positions, outcome with its trace, notifications.', runShow, setExit).argument('<id>');
  sub(decision, 'list', 'Every decision, newest first.', runList, setExit);
}

async function runDraft(c: Concord, f: Flags): Promise<number> {
  const result = await draftDecision(
    c,
    {
      id: str(f.id),
      title: { en: str(f.titleEn) ?? '', ru: str(f.titleRu) ?? '' },
      text: { en: str(f.textEn) ?? '', ru: str(f.textRu) ?? '' },
      body: str(f.body) ?? '',
      question: str(f.question) ?? '',
      initiator: str(f.initiator) ?? 'Secretariat',
    },
    actor(f),
  );
  return report('decision draft', result, json(f), (v) => `drafted ${v.id}: ${v.state.title.en}`);
}

async function runAmend(c: Concord, f: Flags, id = ''): Promise<number> {
  const current = await decisionState(c, id);
  const title = f.titleEn || f.titleRu ? { en: str(f.titleEn) ?? current?.title.en ?? '', ru: str(f.titleRu) ?? current?.title.ru ?? '' } : undefined;
  const text = f.textEn || f.textRu ? { en: str(f.textEn) ?? current?.text.en ?? '', ru: str(f.textRu) ?? current?.text.ru ?? '' } : undefined;
  return report('decision amend', await amendDecision(c, id, { ...(title ? { title } : {}), ...(text ? { text } : {}) }, actor(f)), json(f), (s) => `${id} is now at version ${s.version}`);
}

async function runCirculate(c: Concord, f: Flags, id = ''): Promise<number> {
  const procedure = str(f.procedure);
  if (procedure !== 'written' && procedure !== 'silence') return refuse('decision circulate', `--procedure: expected written or silence, got "${procedure ?? ''}"`);
  return report('decision circulate', await circulateDecision(c, id, { procedure, deadline: str(f.deadline) ?? '' }, actor(f)), json(f), (s) => `${id} circulated (${procedure}) until ${s.deadline ?? ''}`);
}

async function runPosition(c: Concord, f: Flags, id = ''): Promise<number> {
  const position = str(f.position) ?? '';
  if (!(POSITION_WORDS as readonly string[]).includes(position)) return refuse('decision position', `--position: expected one of: ${POSITION_WORDS.join(', ')}; got "${position}"`);
  const at = str(f.at);
  if (at !== undefined && Number.isNaN(Date.parse(at))) return refuse('decision position', `--at: expected an ISO 8601 date-time, got "${at}"`);
  const document: PositionDocument = str(f.note) ? { kind: 'note', noteId: str(f.note) ?? '' } : { kind: 'delegate-entry', by: str(f.by) ?? actor(f).actor };
  const result = await recordPosition(c, id, { state: str(f.state) ?? '', position: position as PositionWord, at, document }, actor(f));
  return report('decision position', result, json(f), () => `${str(f.state) ?? ''}: ${position} on ${id}`);
}

async function runAccede(c: Concord, f: Flags, id = ''): Promise<number> {
  const document: PositionDocument = str(f.note) ? { kind: 'note', noteId: str(f.note) ?? '' } : { kind: 'delegate-entry', by: actor(f).actor };
  return report('decision accede', await accedeToDecision(c, id, { state: str(f.state) ?? '', accededOn: str(f.dated) ?? '', document }, actor(f)), json(f), (s) => `${str(f.state) ?? ''} acceded to ${id}; it now binds ${boundNow(s).join(', ')}`);
}

async function runAck(c: Concord, f: Flags, id?: string): Promise<number> {
  const token = str(f.token);
  if (token === undefined && (id === undefined || str(f.state) === undefined)) return refuse('decision ack', 'give --token, or the decision id and --state');
  const how = token !== undefined ? { token, asState: str(f.as) } : { decisionId: id ?? '', state: str(f.state) ?? '' };
  return report('decision ack', await acknowledge(c, how, actor(f)), json(f), (a) => `${a.state} acknowledged ${a.notificationId.split(':')[0] ?? ''} (${a.via})`);
}

function outcomeLine(id: string, result: { outcome: string; reason: string; notBound: readonly string[]; blockedBy: readonly string[] } | undefined): string {
  if (!result) return `${id}: not closed`;
  return `${id}: ${result.outcome.toUpperCase()} (${result.reason})${result.blockedBy.length ? `, blocked by ${result.blockedBy.join(', ')}` : ''}${result.notBound.length ? `; not bound: ${result.notBound.join(', ')}` : ''}`;
}

async function runShow(c: Concord, f: Flags, id = ''): Promise<number> {
  const state = await decisionState(c, id);
  if (!state) return refuse('decision show', `no decision ${id}`);
  const notifications = await notificationsOf(c, id);
  if (json(f)) {
    printJson({ id, ...state, notifications }, true);
    return EXIT_OK;
  }
  const lines = [
    `${id} — ${state.title.en} / ${state.title.ru} (version ${state.version})`,
    `  ${state.body}, ${state.question} question; ${state.status}${state.procedure ? ` (${state.procedure}${state.deadline ? ` until ${state.deadline}` : ''})` : ''}`,
    '  positions:',
    ...Object.entries(state.positions).map(([s, p]) => `    ${s}  ${p.position.padEnd(12)} ${p.at}  ${p.document.kind === 'note' ? `note ${p.document.noteId}` : `entered by ${p.document.by}`}`),
  ];
  if (state.result) {
    lines.push(`  outcome: ${outcomeLine(id, state.result)}`);
    for (const t of state.result.trace) lines.push(`    · ${t.finding}`, `      ${t.cites.map((ci) => describeCitation(c.pack, ci)).join('; ')}`);
    lines.push('  notifications:');
    for (const n of notifications) lines.push(`    ${n.state}  ${memberName(c.pack, n.state).padEnd(12)} delivered ${n.delivered_at ?? '—'}  acknowledged ${n.acknowledged_at ?? '—'}${n.acknowledged_via ? ` (${n.acknowledged_via})` : ''}`);
    if (state.acceded.length) lines.push(`  acceded since: ${state.acceded.join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

async function runList(c: Concord, f: Flags): Promise<number> {
  const rows = await listDecisions(c);
  if (json(f)) printJson(rows, true);
  else for (const r of rows) process.stdout.write(`${r.id}  ${r.status.padEnd(11)} ${(r.outcome ?? '').padEnd(9)} ${r.body}  ${r.title_en}\n`);
  return EXIT_OK;
}
