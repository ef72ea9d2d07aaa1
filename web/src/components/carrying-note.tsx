/**
 * The registered note that carries a state's act (a position, an accession, a request) when the
 * secretariat enters it: only that state's notes are offered, and the form says so when it has none.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { query } from '../api/client';
import { useApi } from '../api/hooks';
import { useLiveRefresh } from '../api/live';
import type { NoteKind, OfficialNote } from '../api/types';
import { SelectField } from './forms';
import { useLabels } from '../i18n/labels';

export interface CarryingNote {
  readonly notes: readonly OfficialNote[];
  readonly noteId: string;
  readonly choose: (noteId: string) => void;
  /** Notes are asked for and the state has some: the field is shown. */
  readonly offered: boolean;
  /** Notes are asked for and the state has none: the form says where to register one. */
  readonly missing: boolean;
}

/** `kind`: only notes of that kind (a no-objection notice); the list follows notes registered meanwhile. */
export function useCarryingNote(needsNote: boolean, state: string, kind?: NoteKind): CarryingNote {
  const loaded = useApi<{ notes: OfficialNote[] }>(needsNote && state !== '' ? `/api/correspondence${query({ sender: state, kind })}` : null);
  useLiveRefresh(['note-*'], loaded.reload);
  const [choice, choose] = useState('');
  const notes = loaded.data?.notes ?? [];
  const noteId = notes.some((n) => n.id === choice) ? choice : (notes[0]?.id ?? '');
  return { notes, noteId, choose, offered: needsNote && notes.length > 0, missing: needsNote && loaded.data !== undefined && notes.length === 0 };
}

/** `label`: what the note carries, when it is not a position. */
export function CarryingNoteField({ note, error, required = false, label }: { readonly note: CarryingNote; readonly error: string | undefined; readonly required?: boolean; readonly label?: string }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  if (!note.offered) return null;
  return (
    <SelectField label={label ?? t('decisions.noteCarrying')} required={required} value={note.noteId} error={error} onChange={(e) => { note.choose(e.target.value); }}>
      {note.notes.map((n) => (
        <option key={n.id} value={n.id}>
          {n.dated} · {n.reference} · {labels.noteKind(n.kind)}
        </option>
      ))}
    </SelectField>
  );
}

export function NoNoteNotice({ note }: { readonly note: CarryingNote }): ReactNode {
  const { t } = useTranslation();
  if (!note.missing) return null;
  return (
    <p className="notice">
      {t('decisions.noNoteFor')} <Link to="/correspondence">{t('nav.correspondence')}</Link>
    </p>
  );
}
