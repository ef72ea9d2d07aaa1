/**
 * `concord session …`: sessions of bodies, their chair, agenda and attendance.
 */
import type { Command } from 'commander';
import { desk, type Concord } from '../../app/index.js';
import { EXIT_OK, printJson, refuse, report } from '../../cli/io.js';
import { json, signed, str, sub, type Flags } from '../../cli/subcommand.js';

export function sessionCommands(root: Command, setExit: (code: number) => void): void {
  const session = root.command('session').description('Sessions of bodies: chair, agenda, attendance.');
  sub(session, 'convene', 'Convene a session; the chair follows the rotation.', runConvene, setExit)
    .requiredOption('--body <id>')
    .requiredOption('--date <date>')
    .requiredOption('--place <place>')
    .option('--temporary-chair <state>', 'who chairs when the state due to chair does not take part')
    .option('--id <id>');
  sub(session, 'agenda', 'Put a draft on the agenda (it is tabled).', async (c, f, s = '', d = '') => report('session agenda', await desk.addItem(c, signed(f), s, d), json(f), () => `${d} is on the agenda of ${s}`), setExit)
    .argument('<session>')
    .argument('<decision>');
  sub(session, 'attend', 'Record whether a member attends.', async (c, f, s = '') => report('session attend', await desk.attendance(c, signed(f), s, str(f.state) ?? '', f.absent !== true), json(f), () => `${str(f.state) ?? ''} ${f.absent === true ? 'absent' : 'present'}`), setExit)
    .argument('<session>')
    .requiredOption('--state <code>')
    .option('--absent', 'the member is absent (default: present)');
  sub(session, 'no-objection', "Attach a member's registered no-objection notice to an item.", async (c, f, s = '') => report('session no-objection', await desk.noObjection(c, signed(f), s, { decisionId: str(f.decision) ?? '', state: str(f.state) ?? '', noteId: str(f.note) ?? '' }), json(f), () => `no-objection of ${str(f.state) ?? ''} attached`), setExit)
    .argument('<session>')
    .requiredOption('--decision <id>')
    .requiredOption('--state <code>')
    .requiredOption('--note <id>');
  sub(session, 'close', 'Close the session and every item on its agenda.', async (c, f, s = '') => report('session close', await desk.closeSessionNow(c, signed(f), s), json(f), () => `session ${s} closed`), setExit).argument('<session>');
  sub(session, 'show', 'A session: chair, agenda, attendance.', runSessionShow, setExit, 'show').argument('<session>');
}

async function runConvene(c: Concord, f: Flags): Promise<number> {
  const result = await desk.convene(c, signed(f), { id: str(f.id), body: str(f.body) ?? '', date: str(f.date) ?? '', place: str(f.place) ?? '', temporaryChair: str(f.temporaryChair) });
  return report('session convene', result, json(f), (v) => `convened ${v.id}: ${v.body} on ${v.date}, chaired by ${v.chair ?? '—'}`);
}

async function runSessionShow(c: Concord, f: Flags, id = ''): Promise<number> {
  const shown = await desk.sessionView(c, signed(f), id);
  if (!shown.ok) return refuse('session show', `${shown.refusal.field}: ${shown.refusal.message}`);
  const state = shown.value;
  if (json(f)) printJson(state, true);
  else {
    const attendance = Object.entries(state.attendance).map(([s, p]) => `${s} ${p ? 'present' : 'absent'}`);
    process.stdout.write(`${id} — ${state.body} on ${state.date}, chair ${state.chair ?? '—'}, ${state.status}\n  agenda: ${state.agenda.join(', ') || '—'}\n  attendance: ${attendance.join(', ') || '—'}\n`);
  }
  return EXIT_OK;
}
