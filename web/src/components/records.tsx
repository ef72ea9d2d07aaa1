/**
 * Official notes and public statements, always in separate lists: a note is an act of a state,
 * a statement is information and changes no status.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficialNote, PublicStatement } from '../api/types';
import { useLabels } from '../i18n/labels';
import { DateText } from './format';

export function NoteTable({ notes, caption }: { readonly notes: readonly OfficialNote[]; readonly caption: string }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <table className="data">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('correspondence.dated')}</th>
          <th scope="col">{t('correspondence.sender')}</th>
          <th scope="col">{t('correspondence.kind')}</th>
          <th scope="col">{t('correspondence.reference')}</th>
          <th scope="col">{t('correspondence.authority')}</th>
          <th scope="col">{t('correspondence.subject')}</th>
        </tr>
      </thead>
      <tbody>
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
      </tbody>
    </table>
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
