/**
 * A table of records, as every list of the desk draws one: a caption for screen readers, column
 * headings with their scope, and the rows the caller renders.
 */
import type { ReactNode } from 'react';

/** A column heading, or `false` for a column this reader is not shown. */
export type Column = ReactNode | false;

export function DataTable({ caption, columns, className, children }: { readonly caption: ReactNode; readonly columns: readonly Column[]; readonly className?: string; readonly children: ReactNode }): ReactNode {
  return (
    <table className={className === undefined ? 'data' : `data ${className}`}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((heading, i) => heading !== false && <th key={i} scope="col">{heading}</th>)}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
