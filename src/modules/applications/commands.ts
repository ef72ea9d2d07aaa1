/**
 * `concord application submit|propose|assess|withdraw|lapse|show|list`. With --json each prints
 * one object in the contract's words: `state` is the state concerned, `status` the standing asked
 * for or acted on, `stage` where the case stands.
 */
import type { Command } from 'commander';
import type { Concord, Outcome } from '../../app/index.js';
import { EXIT_OK, printJson, refuse } from '../../cli/io.js';
import { json, signed, str, sub, type Flags } from '../../cli/subcommand.js';
import { applicationList, applicationView, assessCriterion, lapseApplication, proposeMeasure, submitApplication, withdrawApplication } from './handlers.js';
import { MEASURES, ROLES, STAGES, type ApplicationView } from './schemas.js';

export function applicationCommands(root: Command, setExit: (code: number) => void): void {
  const application = root.command('application').description('Applications for membership, observer or partner status, and measures on a standing, carried to the competent body’s decision.');
  sub(application, 'submit', 'Submit a state’s application, carried by its registered note; drafts the decision of the competent body.', runSubmit, setExit)
    .requiredOption('--state <code>', 'the applicant (alpha-3)')
    .requiredOption('--status <status>', ROLES.join(' | '))
    .requiredOption('--note <id>', 'the registered note carrying the request (accession-request, observer-request, partner-request)');
  sub(application, 'propose', 'Propose a measure on a standing; drafts the decision of the competent body.', runPropose, setExit)
    .requiredOption('--state <code>', 'the state concerned (alpha-3)')
    .requiredOption('--change <measure>', MEASURES.join(' | '))
    .option('--status <status>', `the standing the measure is on: ${ROLES.join(' | ')} (default: member)`)
    .option('--note <id>', 'a registered note carrying the proposal, e.g. the state’s request to suspend');
  sub(application, 'assess', 'Record the finding on one criterion, with the document it rests on.', runAssess, setExit)
    .argument('<id>')
    .requiredOption('--criterion <id>', 'the criterion, as `show` lists them')
    .requiredOption('--met <yes|no>', 'whether it is met')
    .requiredOption('--evidence <note>', 'the registered note or document the finding rests on');
  sub(application, 'withdraw', 'Record the applicant’s withdrawal, by its note.', async (c, f, id = '') => print('application withdraw', await withdrawApplication(c, signed(f), id, { noteId: str(f.note) ?? '' }), f), setExit)
    .argument('<id>')
    .requiredOption('--note <id>', 'the applicant’s note withdrawing the request');
  sub(application, 'lapse', 'Record that a case lapsed, with the reason.', async (c, f, id = '') => print('application lapse', await lapseApplication(c, signed(f), id, { reason: str(f.reason) ?? '' }), f), setExit)
    .argument('<id>')
    .requiredOption('--reason <text>', 'why the case is no longer pursued');
  sub(application, 'show', 'A case: what is asked, the criteria and the findings, the decision and what it changed.', async (c, f, id = '') => print('application show', await applicationView(c, signed(f), id), f), setExit, 'show').argument('<id>');
  sub(application, 'list', 'The cases, newest first.', runList, setExit, 'show').option('--stage <stage>', STAGES.join(' | '));
}

function runSubmit(c: Concord, f: Flags): Promise<number> {
  const status = str(f.status) ?? '';
  if (!isOneOf(ROLES, status)) return Promise.resolve(refuse('application submit', `--status: expected ${ROLES.join(', ')}; got "${status}"`));
  return submitApplication(c, signed(f), { state: str(f.state) ?? '', status, noteId: str(f.note) ?? '' }).then((r) => print('application submit', r, f));
}

function runPropose(c: Concord, f: Flags): Promise<number> {
  const change = str(f.change) ?? '';
  const status = str(f.status) ?? 'member';
  if (!isOneOf(MEASURES, change)) return Promise.resolve(refuse('application propose', `--change: expected ${MEASURES.join(', ')}; got "${change}"`));
  if (!isOneOf(ROLES, status)) return Promise.resolve(refuse('application propose', `--status: expected ${ROLES.join(', ')}; got "${status}"`));
  return proposeMeasure(c, signed(f), { state: str(f.state) ?? '', change, role: status, noteId: str(f.note) }).then((r) => print('application propose', r, f));
}

function runAssess(c: Concord, f: Flags, id = ''): Promise<number> {
  const met = str(f.met);
  if (met !== 'yes' && met !== 'no') return Promise.resolve(refuse('application assess', `--met: expected yes or no; got "${met ?? ''}"`));
  return assessCriterion(c, signed(f), id, { criterion: str(f.criterion) ?? '', met: met === 'yes', evidenceNoteId: str(f.evidence) ?? '' }).then((r) => print('application assess', r, f));
}

async function runList(c: Concord, f: Flags): Promise<number> {
  const stage = str(f.stage);
  if (stage !== undefined && !isOneOf(STAGES, stage)) return refuse('application list', `--stage: expected ${STAGES.join(', ')}; got "${stage}"`);
  const listed = await applicationList(c, signed(f), { status: stage });
  if (!listed.ok) return refuse('application list', `${listed.refusal.field}: ${listed.refusal.message}`);
  if (json(f)) printJson({ applications: listed.value.map(inContractWords) }, true);
  else process.stdout.write(listed.value.length === 0 ? 'no case on record\n' : `${listed.value.map(line).join('\n')}\n`);
  return EXIT_OK;
}

function print(command: string, result: Outcome<ApplicationView>, f: Flags): number {
  if (!result.ok) return refuse(command, `${result.refusal.field}: ${result.refusal.message}`);
  if (json(f)) printJson(inContractWords(result.value), true);
  else process.stdout.write(`${describe(result.value)}\n`);
  return EXIT_OK;
}

/** The view in the words of `concord application`'s contract (ARCHITECTURE §3). */
function inContractWords(view: ApplicationView): Record<string, unknown> {
  const { id, decisionId, applicant, role, status, ...rest } = view;
  return { id, decisionId, state: applicant, status: role, stage: status, ...rest };
}

function line(view: ApplicationView): string {
  return `${view.id}  ${view.status.padEnd(9)} ${view.change.padEnd(15)} ${view.applicant} (${view.role})  ${view.decisionId}  ${view.submittedOn}`;
}

function describe(view: ApplicationView): string {
  const findings = view.criteria.map((c) => `  ${c.assessment.padEnd(10)} ${c.id}  ${c.text.en}${c.evidence ? `  (evidence ${c.evidence})` : ''}`);
  const outcome = view.effect ? (view.effect.applied ? `applied: ${view.effect.act ?? ''}` : `no change: ${view.effect.reason ?? ''}`) : `decision ${view.decisionId}: ${view.decision?.status ?? 'not visible'}`;
  return [`${view.id}  ${view.change} ${view.applicant} (${view.role}) before the ${view.body} — ${view.status}`, ...findings, `  ${outcome}`].join('\n');
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
