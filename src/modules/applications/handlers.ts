/**
 * The module's commands and reads, each checked against the principal's role: the HTTP routes and
 * the command line call these and nothing else. A case opens with the draft of the competent
 * body's decision, in the same transaction; the decision then runs through the procedures of the
 * decisions module, and its closing concludes the case (see `reaction.ts`).
 */
import {
  applicationStream,
  assessmentOf,
  decideApplication,
  evolveApplication,
  initialApplication,
  isApplication,
  requirementsOf,
  type ApplicationCommand,
  type ApplicationRole,
  type ApplicationState,
  type CaseChange,
} from '../../core/applications/index.js';
import type { OfficialNote } from '../../core/correspondence/index.js';
import { decideDecision, decisionStream, initialDecision } from '../../core/decision/index.js';
import { evolveStanding, initialStanding, partyStream, type StandingState } from '../../core/membership/index.js';
import type { StreamAppend } from '../../ledger/index.js';
import { decisionState, desk, foldStream, handle, newId, refuse, toNote, type Actor, type Concord, type Outcome } from '../../app/index.js';
import { composition } from '../../app/composition.js';
import { mayReadDecision } from '../decisions/manifest.js';
import { TABLE, withApplications } from './read-model.js';
import type { ApplicationView } from './schemas.js';
import { draftOfCase } from './wording.js';

type Signed = desk.Signed;

export function foldApplication(c: Concord, id: string): Promise<{ state: ApplicationState; version: number }> {
  return foldStream(c, applicationStream(id), evolveApplication, initialApplication);
}

/** A state's official application, carried by its own registered note. */
export function submitApplication(c: Concord, who: Signed, request: { state: string; status: ApplicationRole; noteId: string }): Promise<Outcome<ApplicationView>> {
  return desk.guarded(c, who, 'application:submit', async () => {
    const by = desk.actorOf(who);
    const note = await registeredNote(c, request.noteId, 'noteId', by);
    if (!note.ok) return note;
    const change = request.status === 'member' ? 'admit' : 'grant';
    return openCase(c, who, request.state, request.status, change, note.value, (context) => ({ kind: 'submit', applicant: request.state, role: request.status, note: note.value, submittedOn: context.on, decisionId: context.decisionId, standing: context.standing, openCase: context.openCase }));
  });
}

/** A measure on a standing held: suspension, its lifting, expulsion, suspension or annulment of a status. */
export function proposeMeasure(
  c: Concord,
  who: Signed,
  request: { state: string; change: Exclude<CaseChange, 'admit' | 'grant'>; role: ApplicationRole; noteId?: string | undefined },
): Promise<Outcome<ApplicationView>> {
  return desk.guarded(c, who, 'application:propose', async () => {
    const by = desk.actorOf(who);
    let note: OfficialNote | undefined;
    if (request.noteId !== undefined) {
      const found = await registeredNote(c, request.noteId, 'noteId', by);
      if (!found.ok) return found;
      note = found.value;
    }
    return openCase(c, who, request.state, request.role, request.change, note, (context) => ({ kind: 'propose', party: request.state, role: request.role, change: request.change, note, proposedOn: context.on, decisionId: context.decisionId, standing: context.standing, openCase: context.openCase }));
  });
}

interface OpeningContext {
  readonly on: string;
  readonly decisionId: string;
  readonly standing: StandingState;
  readonly openCase: string | undefined;
}

async function openCase(
  c: Concord,
  who: Signed,
  party: string,
  role: ApplicationRole,
  change: CaseChange,
  note: OfficialNote | undefined,
  command: (context: OpeningContext) => ApplicationCommand,
): Promise<Outcome<ApplicationView>> {
  const by = desk.actorOf(who);
  const id = newId('A', by);
  const context: OpeningContext = {
    on: actedOn(c, note),
    decisionId: newId('D', by),
    standing: (await foldStream(c, partyStream(party), evolveStanding, initialStanding)).state,
    openCase: (await withApplications(c.database.db).selectFrom(TABLE).select('id').where('applicant', '=', party).where('status', '=', 'open').executeTakeFirst())?.id,
  };
  const draft = await caseDraft(c, party, role, change, note, context, by);
  if (!draft.ok) return draft;
  const opened = await handle(c, { streamId: applicationStream(id), initial: initialApplication, evolve: evolveApplication, decide: (state) => decideApplication(command(context), state, c.pack), alongside: draft.value, describe: `open case ${id}` }, by);
  return opened.ok ? { ...opened, value: await writerView(c, who, id, opened.value) } : opened;
}

/** The draft of the competent body's decision, appended with the case; none when the framework gives no rule for the change (the case's decider says why). */
async function caseDraft(c: Concord, party: string, role: ApplicationRole, change: CaseChange, note: OfficialNote | undefined, context: OpeningContext, by: Actor): Promise<Outcome<StreamAppend[]>> {
  const requirements = requirementsOf(c.pack, role, change);
  if (!requirements.ok) return { ok: true, value: [], entries: [] };
  const { title, text } = draftOfCase(c.pack, party, role, change, requirements.value, note);
  // A measure on a member's own standing concerns it: the rule in force says whether it is set aside (CSTO: it is).
  const parties = isApplication(change) ? [] : [party];
  const drafted = decideDecision({ kind: 'draft', title, text, body: requirements.value.body, question: requirements.value.question, initiator: 'Secretariat', draftedOn: context.on, parties }, initialDecision, c.pack);
  if (!drafted.ok) return refuse(c, `draft the decision on ${party}`, drafted.refusal, by);
  return { ok: true, value: [{ streamId: decisionStream(context.decisionId), expectedVersion: 0, events: drafted.events }], entries: [] };
}

/**
 * The day a note's act is taken on: today in UTC, or the note's own date when the sender's day
 * has already begun there (a note dated in Moscow or Dushanbe before midnight UTC; the register
 * refuses dates beyond the day anywhere).
 */
function actedOn(c: Concord, note: OfficialNote | undefined): string {
  const today = c.today();
  return note && note.dated > today ? note.dated : today;
}

/** The officer's finding on one criterion, resting on a registered document. */
export function assessCriterion(c: Concord, who: Signed, id: string, request: { criterion: string; met: boolean; evidenceNoteId: string }): Promise<Outcome<ApplicationView>> {
  return desk.guarded(c, who, 'application:assess', async () => {
    const by = desk.actorOf(who);
    const evidence = await registeredNote(c, request.evidenceNoteId, 'evidenceNoteId', by);
    if (!evidence.ok) return evidence;
    return runCase(c, who, id, { kind: 'assess', criterion: request.criterion, met: request.met, evidence: evidence.value, assessedOn: c.today(), by: by.actor });
  });
}

/** The applicant takes its request back, by its own note. */
export function withdrawApplication(c: Concord, who: Signed, id: string, request: { noteId: string }): Promise<Outcome<ApplicationView>> {
  return desk.guarded(c, who, 'application:withdraw', async () => {
    const note = await registeredNote(c, request.noteId, 'noteId', desk.actorOf(who));
    return note.ok ? runCase(c, who, id, { kind: 'withdraw', note: note.value, withdrawnOn: actedOn(c, note.value) }) : note;
  });
}

/** A case no longer pursued (the body never took it up, the request was overtaken), with the reason. */
export function lapseApplication(c: Concord, who: Signed, id: string, request: { reason: string }): Promise<Outcome<ApplicationView>> {
  return desk.guarded(c, who, 'application:lapse', () => runCase(c, who, id, { kind: 'lapse', reason: request.reason, lapsedOn: c.today() }));
}

async function runCase(c: Concord, who: Signed, id: string, command: ApplicationCommand): Promise<Outcome<ApplicationView>> {
  const result = await handle(c, { streamId: applicationStream(id), initial: initialApplication, evolve: evolveApplication, decide: (state) => decideApplication(notBeforeOpening(command, state), state, c.pack), describe: `${command.kind} case ${id}` }, desk.actorOf(who));
  return result.ok ? { ...result, value: await writerView(c, who, id, result.value) } : result;
}

/**
 * The secretariat acts on its UTC day; a case opened on a note dated in its sender's day (already
 * the next one east of UTC) is then "opened tomorrow". An act of the same night takes the case's
 * date rather than being refused as earlier than the case.
 */
function notBeforeOpening(command: ApplicationCommand, state: ApplicationState): ApplicationCommand {
  const floor = (date: string): string => (date < state.submittedOn ? state.submittedOn : date);
  if (command.kind === 'assess') return { ...command, assessedOn: floor(command.assessedOn) };
  if (command.kind === 'withdraw') return { ...command, withdrawnOn: floor(command.withdrawnOn) };
  if (command.kind === 'lapse') return { ...command, lapsedOn: floor(command.lapsedOn) };
  return command;
}

/** The case as the secretariat, who alone acts on it, sees it. */
async function writerView(c: Concord, who: Signed, id: string, state: ApplicationState): Promise<ApplicationView> {
  const view = await viewOf(c, who, id, state);
  if (!view) throw new Error(`case ${id} is not visible to ${who.principal.username}, who acted on it`);
  return view;
}

export function applicationView(c: Concord, who: Signed, id: string): Promise<Outcome<ApplicationView>> {
  return desk.guarded(c, who, 'application:read', async () => {
    const { state, version } = await foldApplication(c, id);
    const view = version === 0 ? undefined : await viewOf(c, who, id, state);
    return view ? desk.found(view) : desk.notFound('id', `no case ${id}`);
  });
}

/** The cases, newest first; of one status if asked. */
export function applicationList(c: Concord, who: Signed, only: { status?: string | undefined } = {}): Promise<Outcome<ApplicationView[]>> {
  return desk.guarded(c, who, 'application:read', async () => {
    let query = withApplications(c.database.db).selectFrom(TABLE).select('id').orderBy('seq', 'desc');
    if (only.status !== undefined) query = query.where('status', '=', only.status);
    const views: ApplicationView[] = [];
    for (const { id } of await query.execute()) {
      const view = await viewOf(c, who, id, (await foldApplication(c, id)).state);
      if (view) views.push(view);
    }
    return desk.found(views);
  });
}

/**
 * The case as this reader may see it, or nothing while its draft decision is the secretariat's
 * (as the draft itself is): the notes it rests on, and who recorded each finding, only for one
 * who may read the applicant's correspondence.
 */
async function viewOf(c: Concord, who: Signed, id: string, state: ApplicationState): Promise<ApplicationView | undefined> {
  const decision = await decisionState(c, state.decisionId);
  const shown = decision && mayReadDecision(who.principal, decision.status) ? decision : undefined;
  if (!shown) return undefined;
  const { visibility } = await composition();
  const readsNotes = visibility().mayReadDocumentsOf(who.principal, state.applicant);
  return {
    id,
    applicant: state.applicant,
    role: state.role ?? 'member',
    change: state.change ?? 'admit',
    status: state.status === 'none' ? 'open' : state.status,
    noteId: readsNotes ? state.noteId : null,
    submittedOn: state.submittedOn,
    body: state.body,
    question: state.question,
    cites: [...state.cites],
    decisionId: state.decisionId,
    decision: { status: shown.status, outcome: shown.result?.outcome ?? null, procedure: shown.procedure ?? null, deadline: shown.deadline ?? null },
    criteria: assessmentOf(state).map(({ evidence, by, ...c }) => ({ ...c, cites: [...c.cites], ...(readsNotes && evidence !== undefined ? { evidence, by } : {}) })),
    concludedOn: state.concludedOn ?? null,
    effect: state.effect ? { applied: state.effect.applied, ...(state.effect.applied ? { act: state.effect.act } : { reason: state.effect.reason }) } : null,
  };
}

async function registeredNote(c: Concord, noteId: string, field: string, by: Actor): Promise<Outcome<OfficialNote>> {
  const row = await c.database.db.selectFrom('projection_correspondence').selectAll().where('id', '=', noteId).executeTakeFirst();
  if (!row) return refuse(c, 'find the note', { code: 'not-registered', field, message: `no note ${noteId} is registered` }, by);
  return { ok: true, value: toNote(row), entries: [] };
}
