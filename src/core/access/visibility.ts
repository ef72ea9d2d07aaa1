/**
 * What each reader may see of the record. A draft is the secretariat's until it is circulated or
 * tabled; a state's notes, notifications and contact points are that state's and the
 * secretariat's; an observer sees standing, statements, sessions and the outcomes of decisions.
 */
import { permits, userActor, type Principal } from './permissions.js';

export interface VisibleEntry {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly actor: string;
}

const PUBLIC_STREAMS = ['party-', 'statement-', 'session-'];
const DRAFTING = new Set(['DraftCreated', 'DraftAmended']);

export function mayReadEntry(principal: Principal, entry: VisibleEntry): boolean {
  const { streamId } = entry;
  if (streamId.startsWith('account-')) return principal.role === 'admin';
  if (principal.role === 'admin' || principal.role === 'officer') return true;
  if (streamId === 'framework' || PUBLIC_STREAMS.some((p) => streamId.startsWith(p))) return true;
  if (streamId === 'refusals') return (entry.data as { actor?: unknown } | null)?.actor === userActor(principal.username);
  if (streamId.startsWith('decision-')) return mayReadDecisionEvent(principal, entry.type);
  if (principal.role === 'analyst') return streamId.startsWith('note-') || streamId.startsWith('notification-');
  if (principal.role !== 'delegate' || principal.state === null) return false;
  if (streamId.startsWith('note-')) return (entry.data as { sender?: unknown } | null)?.sender === principal.state;
  if (streamId.startsWith('notification-')) return streamId.endsWith(`:${principal.state}`);
  return streamId === `contact-${principal.state}`;
}

function mayReadDecisionEvent(principal: Principal, type: string): boolean {
  if (principal.role === 'analyst') return true;
  if (principal.role === 'observer') return type === 'DecisionClosed';
  return !DRAFTING.has(type);
}

/** Whether a decision in this status is shown to the reader at all. */
export function mayReadDecision(principal: Principal, status: string): boolean {
  if (principal.role === 'observer') return status === 'closed';
  if (principal.role === 'delegate') return status !== 'draft' && status !== 'none';
  return true;
}

/** Whether the reader may read the documents a state sends: its notes, and what carries its positions. */
export function mayReadDocumentsOf(principal: Principal, state: string): boolean {
  return permits(principal, 'correspondence:read', state).ok;
}

/** Acts that name the document a state's act rests on, and the field that names it. */
const DOCUMENT_FIELDS: Readonly<Record<string, string>> = { PositionRecorded: 'document', AccessionRecorded: 'document', NoObjectionAttached: 'noteId' };

/**
 * The entry as this reader may see it: an act everyone may follow (a position, a no-objection
 * attached at a session) loses the reference to the note that carried it when the reader may not
 * read that state's correspondence.
 */
export function redactFor<E extends VisibleEntry>(principal: Principal, entry: E): E {
  const field = DOCUMENT_FIELDS[entry.type];
  const data = entry.data as Record<string, unknown> | null;
  if (field === undefined || data === null || typeof data.state !== 'string' || !(field in data) || mayReadDocumentsOf(principal, data.state)) return entry;
  return { ...entry, data: Object.fromEntries(Object.entries(data).filter(([key]) => key !== field)) };
}
