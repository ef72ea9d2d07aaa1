/**
 * What a signed-in reader sees: each read checks the reader's role and keeps to what their state
 * may see; a restricted item asked for by name is refused and the attempt recorded.
 */
import { seesAllStates, type Principal } from '../../core/access/index.js';
import { composition } from '../composition.js';
import { mayReadDecision } from '../../modules/decisions/manifest.js';
import type { OfficialNote, PublicStatement } from '../../core/correspondence/index.js';
import { awaitedFrom, outcomeOf, type DecisionState, type PositionDocument } from '../../core/decision/index.js';
import { chairOn } from '../../core/framework/index.js';
import type { PartyStanding } from '../../core/membership/index.js';
import type { Ruling } from '../../core/procedure/index.js';
import type { SessionState } from '../../core/session/index.js';
import { readBefore, readHead, verifyChain, type ChainCheck, type LedgerEntry } from '../../ledger/index.js';
import type { ContactRow, DecisionRow, NotificationRow, SessionRow } from '../../store/schema.js';
import { contactPoints } from '../contacts.js';
import type { Outcome } from '../command.js';
import type { Concord } from '../concord.js';
import { decisionState } from '../decisions.js';
import { partyRecordAt, registryAt, toNote, type AsOf, type PartyRecord } from '../registry.js';
import { sessionState } from '../sessions.js';
import { actorOf, found, guarded, notFound, type Signed } from './guard.js';
import { recordRefusedRead } from '../audit.js';

export interface DecisionSummary {
  readonly id: string;
  readonly body: string;
  readonly question: string;
  readonly title: { readonly en: string; readonly ru: string };
  readonly status: string;
  readonly procedure: string | null;
  readonly deadline: string | null;
  readonly sessionId: string | null;
  readonly outcome: string | null;
  readonly draftedOn: string;
  readonly closedAt: string | null;
}

export interface NotificationView {
  readonly decisionId: string;
  readonly decisionTitle: { readonly en: string; readonly ru: string };
  readonly state: string;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedVia: string | null;
}

export type DecisionView = Omit<DecisionState, 'result' | 'positions'> & {
  readonly id: string;
  /** Each with the document that carries it, for a reader who may read the correspondence. */
  readonly positions: Readonly<Record<string, Omit<DecisionState['positions'][string], 'document'> & { readonly document?: PositionDocument }>>;
  readonly result: Ruling | null;
  /** What the engine finds with the positions on record now, while the procedure runs. */
  readonly provisional: Ruling | null;
  readonly awaiting: readonly string[];
  readonly notifications: readonly NotificationView[];
};

export interface SessionView extends SessionState {
  readonly id: string;
  readonly place: string;
}

export interface Overview {
  readonly today: string;
  readonly framework: { readonly id: string; readonly name: string };
  readonly chair: string | null;
  readonly parties: readonly PartyStanding[];
  readonly openProcedures: readonly DecisionSummary[];
  readonly unacknowledged: readonly NotificationView[];
}

export function overview(c: Concord, who: Signed): Promise<Outcome<Overview>> {
  return guarded(c, who, 'registry:read', async () => {
    const today = c.today();
    const open = await visibleDecisions(c, who.principal, ['circulating', 'tabled']);
    return found({
      today,
      framework: { id: c.framework.id, name: c.framework.name },
      chair: chairOn(c.pack, today) ?? null,
      parties: await registryAt(c, { asOf: today, knownAt: today }),
      openProcedures: open,
      unacknowledged: (await visibleNotifications(c, who.principal)).filter((n) => n.acknowledgedAt === null),
    });
  });
}

export function registryView(c: Concord, who: Signed, when: AsOf): Promise<Outcome<PartyStanding[]>> {
  return guarded(c, who, 'registry:read', async () => found(await registryAt(c, when)));
}

/** A party's record; its notes only for those who may read that state's correspondence. */
export function partyView(c: Concord, who: Signed, party: string, when: AsOf): Promise<Outcome<PartyRecord & { party: string }>> {
  return guarded(c, who, 'registry:read', async () => {
    const record = await partyRecordAt(c, party, when);
    if (!record.standing && record.history.length === 0) return notFound('state', `${party} is not on the registry`);
    const { access } = await composition();
    const readsNotes = access().permits(who.principal, 'correspondence:read', party).ok;
    return found({ party, ...record, notes: readsNotes ? record.notes : [] });
  });
}

export function correspondence(c: Concord, who: Signed, only: { readonly sender?: string | undefined; readonly kind?: string | undefined } = {}): Promise<Outcome<OfficialNote[]>> {
  return guarded(c, who, 'correspondence:read', async () => {
    let query = c.database.db.selectFrom('projection_correspondence').selectAll().orderBy('dated', 'desc').orderBy('seq', 'desc');
    if (!seesAllStates(who.principal)) query = query.where('sender', '=', who.principal.state ?? '');
    if (only.sender !== undefined) query = query.where('sender', '=', only.sender);
    if (only.kind !== undefined) query = query.where('kind', '=', only.kind);
    return found((await query.execute()).map(toNote));
  });
}

export function noteView(c: Concord, who: Signed, id: string): Promise<Outcome<OfficialNote>> {
  return guarded(c, who, 'correspondence:read', async () => {
    const row = await c.database.db.selectFrom('projection_correspondence').selectAll().where('id', '=', id).executeTakeFirst();
    // Another state's note is, to a delegate, one that does not exist: the answer must not tell them apart.
    const { access } = await composition();
    const permitted = row && access().permits(who.principal, 'correspondence:read', row.sender);
    if (!row || !permitted?.ok) {
      // Refused as a missing note is, and kept on record as every refused read is.
      if (permitted && !permitted.ok) await recordRefusedRead(c, 'correspondence:read', { code: 'forbidden', field: 'state', message: permitted.reason }, actorOf(who));
      return notFound('id', `no note ${id}`);
    }
    return found(toNote(row));
  });
}

export function statements(c: Concord, who: Signed, state?: string): Promise<Outcome<PublicStatement[]>> {
  return guarded(c, who, 'statement:read', async () => {
    let query = c.database.db.selectFrom('projection_statements').selectAll().orderBy('said_on', 'desc').orderBy('seq', 'desc');
    if (state !== undefined) query = query.where('state', '=', state);
    return found((await query.execute()).map((s) => ({ id: s.id, speaker: s.speaker, state: s.state, venue: s.venue, saidOn: s.said_on, url: s.url, summary: s.summary })));
  });
}

export function decisions(c: Concord, who: Signed): Promise<Outcome<DecisionSummary[]>> {
  return guarded(c, who, 'decision:read', async () => found(await visibleDecisions(c, who.principal)));
}

async function visibleDecisions(c: Concord, principal: Principal, statuses?: readonly string[]): Promise<DecisionSummary[]> {
  let query = c.database.db.selectFrom('projection_decisions').selectAll().orderBy('seq', 'desc');
  if (statuses) query = query.where('status', 'in', [...statuses]);
  const rows = await query.execute();
  return rows.filter((r) => mayReadDecision(principal, r.status)).map(toSummary);
}

export function decisionView(c: Concord, who: Signed, id: string): Promise<Outcome<DecisionView>> {
  return guarded(c, who, 'decision:read', async () => {
    const state = await decisionState(c, id);
    // A draft not yet circulated is the secretariat's: to others it does not exist yet.
    if (!state || !mayReadDecision(who.principal, state.status)) return notFound('id', `no decision ${id}`);
    return found(await toDecisionView(c, who.principal, id, state));
  });
}

export async function toDecisionView(c: Concord, principal: Principal, id: string, state: DecisionState): Promise<DecisionView> {
  const running = state.status === 'circulating' || state.status === 'tabled';
  const provisional = running ? outcomeOf(state, c.pack, c.clock.now().toISOString()) : undefined;
  const notifications = (await visibleNotifications(c, principal, id));
  // A reader who may not read a state's correspondence (an observer, another state's delegate) is not told which note carried its position.
  const { visibility } = await composition();
  const positions = Object.fromEntries(Object.entries(state.positions).map(([s, p]) => [s, visibility().mayReadDocumentsOf(principal, s) ? p : { position: p.position, at: p.at }]));
  return {
    ...state,
    positions,
    id,
    result: state.result ?? null,
    provisional: provisional?.ok ? provisional.decision : null,
    awaiting: running ? awaitedFrom(state, c.pack) : [],
    notifications,
  };
}

export function notifications(c: Concord, who: Signed, pendingOnly: boolean): Promise<Outcome<NotificationView[]>> {
  return guarded(c, who, 'notification:read', async () => {
    const all = await visibleNotifications(c, who.principal);
    return found(pendingOnly ? all.filter((n) => n.acknowledgedAt === null) : all);
  });
}

async function visibleNotifications(c: Concord, principal: Principal, decisionId?: string): Promise<NotificationView[]> {
  const { access } = await composition();
  if (!access().permits(principal, 'notification:read').ok) return [];
  let query = c.database.db
    .selectFrom('projection_notifications')
    .innerJoin('projection_decisions', 'projection_decisions.id', 'projection_notifications.decision_id')
    .selectAll('projection_notifications')
    .select(['projection_decisions.title_en', 'projection_decisions.title_ru'])
    .orderBy('projection_notifications.created_at', 'desc')
    .orderBy('projection_notifications.state');
  if (decisionId !== undefined) query = query.where('projection_notifications.decision_id', '=', decisionId);
  if (!seesAllStates(principal)) query = query.where('projection_notifications.state', '=', principal.state ?? '');
  return (await query.execute()).map(toNotificationView);
}

function toNotificationView(row: NotificationRow & { title_en: string; title_ru: string }): NotificationView {
  return {
    decisionId: row.decision_id,
    decisionTitle: { en: row.title_en, ru: row.title_ru },
    state: row.state,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedVia: row.acknowledged_via,
  };
}

export function sessions(c: Concord, who: Signed): Promise<Outcome<Omit<SessionRow, 'seq' | 'temporary_chair'>[]>> {
  return guarded(c, who, 'session:read', async () => {
    const rows = await c.database.db.selectFrom('projection_sessions').select(['id', 'body', 'date', 'place', 'chair', 'status']).orderBy('date', 'desc').execute();
    return found(rows);
  });
}

export function sessionView(c: Concord, who: Signed, id: string): Promise<Outcome<SessionView>> {
  return guarded(c, who, 'session:read', async () => {
    const state = await sessionState(c, id);
    if (!state) return notFound('id', `no session ${id}`);
    return found(await toSessionView(c, id, state));
  });
}

export async function toSessionView(c: Concord, id: string, state: SessionState): Promise<SessionView> {
  const row = await c.database.db.selectFrom('projection_sessions').select('place').where('id', '=', id).executeTakeFirst();
  return { ...state, id, place: row?.place ?? '' };
}

/** A page of the ledger, newest first, without what the reader may not see. */
export function ledgerPage(c: Concord, who: Signed, before: number | undefined, limit: number): Promise<Outcome<{ entries: LedgerEntry[]; head: number }>> {
  return guarded(c, who, 'ledger:read', async () => {
    const { visibility } = await composition();
    const head = (await readHead(c.database))?.seq ?? 0;
    const entries: LedgerEntry[] = [];
    let cursor = before ?? head + 1;
    while (entries.length < limit && cursor > 1) {
      const page = await readBefore(c.database, cursor, limit * 2);
      if (page.length === 0) break;
      entries.push(...page.filter((e) => visibility().mayReadEntry(who.principal, e)).slice(0, limit - entries.length).map((e) => visibility().redactFor(who.principal, e)));
      cursor = page.at(-1)?.seq ?? 0;
    }
    return found({ entries, head });
  });
}

/** The verification running on each Concord: a request while one runs is answered with its result, not with a second pass. */
const running = new WeakMap<Concord, Promise<ChainCheck>>();

export function verification(c: Concord, who: Signed): Promise<Outcome<ChainCheck>> {
  return guarded(c, who, 'ledger:verify', async () => {
    let check = running.get(c);
    if (!check) {
      check = verifyChain(c.database).finally(() => running.delete(c));
      running.set(c, check);
    }
    return found(await check);
  });
}

function toSummary(r: DecisionRow): DecisionSummary {
  return {
    id: r.id,
    body: r.body,
    question: r.question,
    title: { en: r.title_en, ru: r.title_ru },
    status: r.status,
    procedure: r.procedure,
    deadline: r.deadline,
    sessionId: r.session_id,
    outcome: r.outcome,
    draftedOn: r.drafted_on,
    closedAt: r.closed_at,
  };
}

/** Every member's point of contact: the secretariat's, who keeps them. */
export function contacts(c: Concord, who: Signed): Promise<Outcome<ContactRow[]>> {
  return guarded(c, who, 'contact:manage', async () => found(await contactPoints(c)));
}

/** Notifications not acknowledged within `days` of the decision's closing, of the reader's state for a delegate. */
export function overdue(c: Concord, who: Signed, days: number): Promise<Outcome<NotificationView[]>> {
  return guarded(c, who, 'notification:read', async () => {
    const cutoff = new Date(c.clock.now().getTime() - days * 86_400_000).toISOString();
    const due = (await visibleNotifications(c, who.principal)).filter((n) => n.acknowledgedAt === null && n.createdAt <= cutoff);
    return found(due.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.state.localeCompare(b.state)));
  });
}
