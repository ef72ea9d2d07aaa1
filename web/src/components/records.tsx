/**
 * Official notes and public statements, always in separate lists: a note is an act of a state,
 * a statement is information and changes no status.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficialNote, PublicStatement } from '../api/types';
import { useLabels } from '../i18n/labels';
import { DateText } from './format';
import { DataTable } from './data-table';

export function NoteTable({ notes, caption }: { readonly notes: readonly OfficialNote[]; readonly caption: string }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <DataTable caption={caption} columns={[t('correspondence.dated'), t('correspondence.sender'), t('correspondence.kind'), t('correspondence.reference'), t('correspondence.authority'), t('correspondence.subject')]}>
      {notes.map((n) => (
        <tr key={n.id}>
          <td>
            <DateText value={n.dated} />
          </td>
          <td>{labels.state(n.sender)}</td>
          <td>{labels.noteKind(n.kind)}</td>
          <td>
            <span className="code" title={n.id}>
              {n.reference}
            </span>
          </td>
          <td>{n.authority}</td>
          <td>{n.subject}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function StatementList({ statements }: { readonly statements: readonly PublicStatement[] }): ReactNode {
  const labels = useLabels();
  return (
    <ul className="statement-list">
      {statements.map((s) => (
        <li key={s.id}>
          <div className="statement-head">
            <DateText value={s.saidOn} /> · <strong>{s.speaker}</strong> ({labels.state(s.state)}) · {s.venue}
          </div>
          <p>{s.summary}</p>
          {s.url !== '' && (
            <a href={s.url} rel="noopener noreferrer nofollow" target="_blank" className="source-link">
              {s.url}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
