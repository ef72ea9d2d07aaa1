/**
 * Spring 2024 as the secretariat holds it in Concord, recorded through the application's own
 * commands: the Minsk decisions taken without Armenia and sent to Yerevan; the 2024 budget and
 * the Almaty defence ministers' decisions adopted in limited format on Armenia's registered
 * no-objection notices; Armenia's "freeze" and the Secretariat's answers, recorded as public
 * statements beside a legal standing they do not change; and, in the present, a draft out for
 * written procedure that a newcomer can take part in.
 *
 * The registry already holds Armenia's non-participation from 22 November 2023, loaded with the
 * framework's documented history; the scenario leaves it as it is. Historical acts are entered at
 * the moment they took place (see `atMoment`), so each carries its own date while the ledger
 * records when it was entered. Seeding again records nothing.
 */
import { addDays } from 'date-fns';
import { decisionState, recordPublicStatement, registerOfficialNote, type Concord } from '../app/index.js';
import { awaitedFrom } from '../core/decision/index.js';
import { readHead } from '../ledger/index.js';
import {
  ALMATY,
  ALMATY_NOTICE,
  BUDGET_NOTICE,
  CSTO_MEMBERS,
  MINSK,
  OPEN_PROCEDURE,
  OPEN_PROCEDURE_DAYS,
  STATEMENTS,
  TOOK_PART,
  middayOf,
} from './spring-2024-record.js';
import {
  atMoment,
  demoActor,
  ensureAcknowledged,
  ensureAttendance,
  ensureCirculated,
  ensureDecisionClosed,
  ensureDraft,
  ensureNoObjection,
  ensureOnAgenda,
  ensurePosition,
  ensureSession,
  ensureSessionClosed,
  must,
  type StepActor,
} from './steps.js';

export const DEMO_ACTOR = 'concord:demo';

/** The scenario's last documented act; its present must come later. */
const LAST_ACT = '2024-05-31';

export interface DemoOptions {
  /** The demo's present, from which the open procedure's deadline is set (default: Concord's clock). */
  readonly now?: Date | undefined;
}

export interface DemoSummary {
  readonly scenario: 'spring-2024';
  /** Ledger entries this run added: none when the scenario was already on record. */
  readonly recorded: number;
  readonly sessions: { readonly minsk: string; readonly almaty: string };
  readonly decisions: { readonly minskDocuments: string; readonly budget2024: string; readonly almatyDefence: string };
  readonly notes: { readonly budgetNoObjection: string; readonly almatyNoObjection: string };
  readonly statements: readonly string[];
  readonly openProcedure: {
    readonly id: string;
    readonly status: string;
    readonly deadline: string | undefined;
    readonly positions: readonly string[];
    readonly awaited: readonly string[];
  };
}

export async function seedSpring2024(c: Concord, options: DemoOptions = {}): Promise<DemoSummary> {
  if (c.pack.id !== 'csto') throw new Error(`the spring 2024 scenario is written for the CSTO framework; this database holds "${c.pack.id}"`);
  const present = options.now ?? c.clock.now();
  if (present.toISOString().slice(0, 10) <= LAST_ACT) {
    throw new Error(`the spring 2024 scenario needs a present after ${LAST_ACT}; got ${present.toISOString()}`);
  }
  const act = demoActor(DEMO_ACTOR, 'spring-2024');
  const before = await ledgerHead(c);

  await recordMinsk(atMoment(c, middayOf(MINSK.session.date)), act);
  const statements: string[] = [];
  for (const { key, ...statement } of STATEMENTS) {
    const recorded = await recordPublicStatement(atMoment(c, middayOf(statement.saidOn)), statement, act(key));
    statements.push(must(key, recorded).id);
  }
  const notes = await recordEndOfMay(atMoment(c, middayOf(LAST_ACT)), act);

  const now = atMoment(c, present.toISOString());
  // Who acknowledged, and when, is not documented: the demo enters the five members' receipts
  // now, and leaves Armenia's outstanding, as a member that takes no part would leave it.
  for (const id of [MINSK.documents.id, MINSK.budget.id, ALMATY.documents.id]) await ensureAcknowledged(now, id, TOOK_PART, act);
  const open = await openWrittenProcedure(now, act);

  return {
    scenario: 'spring-2024',
    recorded: (await ledgerHead(c)) - before,
    sessions: { minsk: MINSK.session.id, almaty: ALMATY.session.id },
    decisions: { minskDocuments: MINSK.documents.id, budget2024: MINSK.budget.id, almatyDefence: ALMATY.documents.id },
    notes,
    statements,
    openProcedure: await openProcedureNow(c, open),
  };
}

/**
 * 23 November 2023: the Council sits without Armenia. The agreed documents are closed with the
 * session's attendance; the budget item stays open, because Armenia's position on it reached the
 * Organization only in May 2024 (and a no-objection notice is attached to an item still open).
 */
async function recordMinsk(c: Concord, act: StepActor): Promise<void> {
  await ensureSession(c, MINSK.session, act);
  for (const draft of [MINSK.documents, MINSK.budget]) {
    await ensureDraft(c, draft, act);
    await ensureOnAgenda(c, MINSK.session.id, draft.id, act);
  }
  await ensureAttendance(c, MINSK.session.id, attendanceWithoutArmenia(), act);
  await ensureDecisionClosed(c, MINSK.documents.id, act);
}

/** May 2024: Armenia's two notices, the budget closed in limited format, and the Almaty session. */
async function recordEndOfMay(c: Concord, act: StepActor): Promise<DemoSummary['notes']> {
  const budgetNotice = must('budget notice', await registerOfficialNote(c, BUDGET_NOTICE, act('note:budget-2024')));
  await ensureNoObjection(c, { sessionId: MINSK.session.id, decisionId: MINSK.budget.id, state: 'ARM', noteId: budgetNotice.id }, act);
  await ensureSessionClosed(c, MINSK.session.id, act);

  const almatyNotice = must('Almaty notice', await registerOfficialNote(c, ALMATY_NOTICE, act('note:almaty-2024')));
  await ensureSession(c, ALMATY.session, act);
  await ensureDraft(c, ALMATY.documents, act);
  await ensureOnAgenda(c, ALMATY.session.id, ALMATY.documents.id, act);
  await ensureAttendance(c, ALMATY.session.id, attendanceWithoutArmenia(), act);
  await ensureNoObjection(c, { sessionId: ALMATY.session.id, decisionId: ALMATY.documents.id, state: 'ARM', noteId: almatyNotice.id }, act);
  await ensureSessionClosed(c, ALMATY.session.id, act);
  return { budgetNoObjection: budgetNotice.id, almatyNoObjection: almatyNotice.id };
}

/**
 * The demonstration draft, out for written procedure until some days after the present. Once a
 * procedure's deadline has passed, the next start opens another, so that a newcomer always finds
 * one to take part in.
 */
async function openWrittenProcedure(c: Concord, act: StepActor): Promise<string> {
  const { positionsIn, ...draft } = OPEN_PROCEDURE;
  const now = c.clock.now().toISOString();
  for (let round = 1; ; round++) {
    const id = round === 1 ? draft.id : `${draft.id}-${round}`;
    const earlier = await decisionState(c, id);
    const over = earlier !== undefined && earlier.status !== 'draft' && (earlier.status !== 'circulating' || (earlier.deadline ?? now) <= now);
    if (over) continue;
    await ensureDraft(c, { ...draft, id }, act);
    const deadline = middayOf(addDays(c.clock.now(), OPEN_PROCEDURE_DAYS).toISOString().slice(0, 10));
    await ensureCirculated(c, id, { procedure: 'written', deadline }, act);
    for (const state of positionsIn) {
      await ensurePosition(c, id, { state, position: 'yes', document: { kind: 'delegate-entry', by: DEMO_ACTOR } }, act);
    }
    return id;
  }
}

async function openProcedureNow(c: Concord, id: string): Promise<DemoSummary['openProcedure']> {
  const state = await decisionState(c, id);
  if (!state) throw new Error(`demo: ${id} is not on record`);
  const positions = Object.keys(state.positions).sort();
  const awaited = state.status === 'circulating' ? awaitedFrom(state, c.pack) : [];
  return { id, status: state.status, deadline: state.deadline, positions, awaited };
}

function attendanceWithoutArmenia(): Record<string, boolean> {
  return Object.fromEntries(CSTO_MEMBERS.map((m) => [m, m !== 'ARM']));
}

async function ledgerHead(c: Concord): Promise<number> {
  return (await readHead(c.database))?.seq ?? 0;
}
