/**
 * What each reader may see of the record. Each module says, for its streams, who besides the
 * secretariat reads an entry, and which events name the document a state's act rests on; this
 * file applies those declarations to every entry the ledger page or the live stream shows.
 */
import { SECRETARIAT, type Access, type AccountRole, type Principal } from './permissions.js';

export interface VisibleEntry {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly actor: string;
}

export interface StreamReads {
  /** The streams' common prefix (`decision-`), or a stream's whole id (`framework`). */
  readonly prefix: string;
  /** Who of the secretariat reads every entry (default: administrators and officers). */
  readonly secretariat?: readonly AccountRole[];
  /** Whether another reader may read the entry (default: no one else). */
  readonly reads?: (principal: Principal, entry: VisibleEntry, access: Access) => boolean;
  /** Events naming the document a state's act rests on, and the field that names it. */
  readonly documents?: Readonly<Record<string, string>>;
}

export interface Visibility {
  readonly mayReadEntry: (principal: Principal, entry: VisibleEntry) => boolean;
  /** Whether the reader may read the documents a state sends: its notes, and what carries its positions. */
  readonly mayReadDocumentsOf: (principal: Principal, state: string) => boolean;
  /**
   * The entry as this reader may see it: an act everyone may follow (a position, a no-objection
   * attached at a session) loses the reference to the note that carried it when the reader may
   * not read that state's correspondence.
   */
  readonly redactFor: <E extends VisibleEntry>(principal: Principal, entry: E) => E;
}

export function visibilityFrom(streams: readonly StreamReads[], access: Access): Visibility {
  // The longest prefix wins, so that a module may own a narrower set of streams than another.
  const ordered = [...streams].sort((a, b) => b.prefix.length - a.prefix.length);
  const documents = new Map(streams.flatMap((s) => Object.entries(s.documents ?? {})));
  const mayReadDocumentsOf = (principal: Principal, state: string) => access.permits(principal, 'correspondence:read', state).ok;
  return {
    mayReadEntry: (principal, entry) => {
      const declared = ordered.find((s) => entry.streamId.startsWith(s.prefix));
      if (!declared) return SECRETARIAT.includes(principal.role);
      if ((declared.secretariat ?? SECRETARIAT).includes(principal.role)) return true;
      if (SECRETARIAT.includes(principal.role) && declared.secretariat !== undefined) return false;
      return declared.reads?.(principal, entry, access) ?? false;
    },
    mayReadDocumentsOf,
    redactFor: (principal, entry) => {
      const field = documents.get(entry.type);
      const data = entry.data as Record<string, unknown> | null;
      if (field === undefined || data === null || typeof data.state !== 'string' || !(field in data) || mayReadDocumentsOf(principal, data.state)) return entry;
      return { ...entry, data: Object.fromEntries(Object.entries(data).filter(([key]) => key !== field)) };
    },
  };
}
