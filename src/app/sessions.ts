/**
 * Sessions of bodies: convening with the chair the framework gives, the agenda (tabling a draft),
 * attendance, no-objection notices attached to items, and closing, which closes every item with
 * the attendance recorded: a member present that raised no objection joins the consensus; an
 * absent one is absent, and its silence is never counted as consent.
 */
import { decisionStream } from '../core/decision/index.js';
import { decideSession, evolveSession, initialSession, sessionStream, type SessionCommand, type SessionState } from '../core/session/index.js';
import { noteStream, type OfficialNote } from '../core/correspondence/index.js';
import { decideDecision } from '../core/decision/index.js';
import { readStream, type StreamAppend } from '../ledger/index.js';
import { appendAll, foldStream, handle, refuse, type Actor, type Outcome } from './command.js';
import type { Concord } from './concord.js';
import { closing, foldDecision, newId } from './decisions.js';
import { associatesOn, registryAt } from './registry.js';

function runSessionCommand(c: Concord, id: string, command: SessionCommand, by: Actor, alongside: StreamAppend[] = []): Promise<Outcome<SessionState>> {
  return handle(c, { streamId: sessionStream(id), initial: initialSession, evolve: evolveSession, decide: (state) => decideSession(command, state, c.pack), alongside, describe: `${command.kind} session ${id}` }, by);
}

export async function sessionState(c: Concord, id: string): Promise<SessionState | undefined> {
  const { state, version } = await foldStream(c, sessionStream(id), evolveSession, initialSession);
  return version === 0 ? undefined : state;
}

export async function conveneSession(
  c: Concord,
  session: { id?: string | undefined; body: string; date: string; place: string; temporaryChair?: string | undefined },
  by: Actor,
): Promise<Outcome<{ id: string; state: SessionState }>> {
  const id = session.id ?? newId('S', by);
  const standing = await registryAt(c, { asOf: session.date, knownAt: c.today() });
  const notParticipating = standing.filter((p) => p.participation?.participating === false).map((p) => p.party);
  const result = await runSessionCommand(c, id, { kind: 'convene', ...session, notParticipating }, by);
  return result.ok ? { ...result, value: { id, state: result.value } } : result;
}

/** Puts a draft on the agenda and tables it, in one transaction. */
export async function addAgendaItem(c: Concord, sessionId: string, decisionId: string, by: Actor): Promise<Outcome<SessionState>> {
  const session = await sessionState(c, sessionId);
  const tabled = await tableAlongside(c, decisionId, sessionId, session);
  if (!tabled.ok) return refuse(c, `table decision ${decisionId}`, { code: tabled.refusal.code, field: tabled.refusal.field, message: tabled.refusal.message }, by);
  return runSessionCommand(c, sessionId, { kind: 'add-item', decisionId }, by, [tabled.append]);
}

async function tableAlongside(
  c: Concord,
  decisionId: string,
  sessionId: string,
  session: SessionState | undefined,
): Promise<{ ok: true; append: StreamAppend } | { ok: false; refusal: { code: string; field: string; message: string } }> {
  if (!session) return { ok: false, refusal: { code: 'not-found', field: 'session', message: `no session ${sessionId}` } };
  const { state, version } = await foldDecision(c, decisionId);
  if (state.status === 'none') return { ok: false, refusal: { code: 'not-found', field: 'decision', message: `no draft ${decisionId}` } };
  if (state.body !== session.body) return { ok: false, refusal: { code: 'not-on-body', field: 'decision', message: `the draft is for the ${state.body}, the session is of the ${session.body}` } };
  const decided = decideDecision({ kind: 'table', sessionId, sessionDate: session.date }, state, c.pack);
  if (!decided.ok) return { ok: false, refusal: decided.refusal };
  return { ok: true, append: { streamId: decisionStream(decisionId), expectedVersion: version, events: decided.events } };
}

/** A member's attendance, or an observer's or partner's where its status lets it attend. */
export async function recordAttendance(c: Concord, sessionId: string, state: string, present: boolean, by: Actor): Promise<Outcome<SessionState>> {
  const date = (await sessionState(c, sessionId))?.date;
  const associate = date === undefined ? undefined : (await associatesOn(c, date)).find((a) => a.state === state)?.role;
  return runSessionCommand(c, sessionId, { kind: 'record-attendance', state, present, associate }, by);
}

/**
 * A member's notice that it does not object, attached to an agenda item: the registered note is
 * the document that carries the member's "no-objection" position (limited format).
 */
export async function attachNoObjection(c: Concord, sessionId: string, decisionId: string, state: string, noteId: string, by: Actor): Promise<Outcome<SessionState>> {
  const note = (await readStream(c.database, noteStream(noteId)))[0]?.data as OfficialNote | undefined;
  if (note?.kind !== 'no-objection-notice' || note.sender !== state) {
    return refuse(c, `attach no-objection to ${decisionId}`, { code: 'not-registered', field: 'note', message: `no no-objection notice ${noteId} from ${state} is registered` }, by);
  }
  const { state: decision, version } = await foldDecision(c, decisionId);
  const decided = decideDecision({ kind: 'record-position', state, position: 'no-objection', at: c.clock.now().toISOString(), document: { kind: 'note', noteId } }, decision, c.pack);
  if (!decided.ok) return refuse(c, `attach no-objection to ${decisionId}`, decided.refusal, by);
  const position: StreamAppend = { streamId: decisionStream(decisionId), expectedVersion: version, events: decided.events };
  return runSessionCommand(c, sessionId, { kind: 'attach-no-objection', decisionId, state, noteId }, by, [position]);
}

/**
 * Closes every item still open with the session's attendance, and the session, in one
 * transaction: if one item cannot be closed, nothing is.
 */
export async function closeSession(c: Concord, sessionId: string, by: Actor): Promise<Outcome<SessionState>> {
  const { state: session, version } = await foldStream(c, sessionStream(sessionId), evolveSession, initialSession);
  if (version === 0) return refuse(c, `close session ${sessionId}`, { code: 'not-found', field: 'session', message: `no session ${sessionId}` }, by);
  const requests: StreamAppend[] = [];
  for (const decisionId of session.agenda) {
    const { state, version: decisionVersion } = await foldDecision(c, decisionId);
    if (state.status !== 'tabled') continue;
    const decided = decideDecision(await closing(c, state), state, c.pack);
    if (!decided.ok) return refuse(c, `close session ${sessionId}`, { code: decided.refusal.code, field: `${decisionId}.${decided.refusal.field}`, message: decided.refusal.message }, by);
    requests.push({ streamId: decisionStream(decisionId), expectedVersion: decisionVersion, events: decided.events });
  }
  const closed = decideSession({ kind: 'close', closedAt: c.clock.now().toISOString() }, session, c.pack);
  if (!closed.ok) return refuse(c, `close session ${sessionId}`, closed.refusal, by);
  requests.push({ streamId: sessionStream(sessionId), expectedVersion: version, events: closed.events });
  return appendAll(c, requests, by, closed.events.reduce(evolveSession, session), `close session ${sessionId}`);
}
