/**
 * Labelled controls and the problems the server sends back: a problem that names a field is shown
 * under that field, any other at the top of the form.
 */
import { useEffect, useId, useRef, type ReactNode, type RefObject, type SelectHTMLAttributes, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../api/types';
import { useLabels } from '../i18n/labels';

/** `/title/en`, `title.en` and `title/en` all name the same field. */
function normalizeField(field: string): string {
  return field.replace(/^\//, '').replaceAll('/', '.');
}

export interface FormProblem {
  /** The message to show under the field `name`, if the problem is about it. */
  readonly at: (name: string) => string | undefined;
  /** The problem to show at the top of the form, if it names none of its fields. */
  readonly top: Problem | undefined;
}

export function placeProblem(problem: Problem | undefined, fields: readonly string[]): FormProblem {
  if (problem === undefined) return { at: () => undefined, top: undefined };
  const message = problem.detail ?? problem.title;
  const named = problem.field === undefined ? undefined : normalizeField(problem.field);
  const target =
    named === undefined
      ? undefined
      : (fields.find((f) => f === named) ?? fields.find((f) => f.startsWith(`${named}.`)) ?? fields.find((f) => named.startsWith(`${f}.`)));
  if (target === undefined) return { at: () => undefined, top: problem };
  return { at: (name) => (name === target ? message : undefined), top: undefined };
}

/** A problem at the top of a form or a page; 403 reads "not permitted". */
export function ProblemBanner({ problem, focus = false }: { readonly problem: Problem | undefined; readonly focus?: boolean }): ReactNode {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // A refused action takes the focus so the user hears why; a page's own load problem does not.
  useEffect(() => {
    if (focus && problem !== undefined) ref.current?.focus();
  }, [problem, focus]);
  if (problem === undefined) return null;
  const title = problem.status === 403 ? t('common.notPermitted') : problem.title || t('common.formProblem');
  return (
    <div className="problem" role="alert" tabIndex={-1} ref={ref}>
      <strong>{title}</strong>
      {problem.detail !== undefined && problem.detail !== '' && <span lang="en"> — {problem.detail}</span>}
    </div>
  );
}

interface FieldFrame {
  readonly label: ReactNode;
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
  readonly required?: boolean | undefined;
}

function useFieldIds(error: string | undefined, hint: ReactNode): { id: string; describedBy: string | undefined; errorId: string; hintId: string } {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = [hint !== undefined ? hintId : null, error !== undefined ? errorId : null].filter((x) => x !== null).join(' ');
  return { id, describedBy: described === '' ? undefined : described, errorId, hintId };
}

/** The field a refusal names takes the focus, so the user lands where the correction is due. */
function useFocusOnError(ref: RefObject<HTMLElement | null>, error: string | undefined): void {
  useEffect(() => {
    if (error !== undefined) ref.current?.focus();
  }, [ref, error]);
}

function Frame({ id, label, error, hint, required, errorId, hintId, children }: FieldFrame & { id: string; errorId: string; hintId: string; children: ReactNode }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className={error === undefined ? 'field' : 'field field-invalid'}>
      <span className="label-row">
        <label htmlFor={id}>{label}</label>
        {required === true && (
          <span className="required" aria-hidden="true" title={t('common.required')}>
            *
          </span>
        )}
      </span>
      {children}
      {hint !== undefined && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      {error !== undefined && (
        <span className="field-error" id={errorId} lang="en">
          {error}
        </span>
      )}
    </div>
  );
}

export function TextField({ label, error, hint, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>): ReactNode {
  const { id, describedBy, errorId, hintId } = useFieldIds(error, hint);
  const ref = useRef<HTMLInputElement>(null);
  useFocusOnError(ref, error);
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={input.required} errorId={errorId} hintId={hintId}>
      <input ref={ref} id={id} aria-invalid={error !== undefined} aria-describedby={describedBy} {...input} />
    </Frame>
  );
}

export function TextArea({ label, error, hint, ...input }: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>): ReactNode {
  const { id, describedBy, errorId, hintId } = useFieldIds(error, hint);
  const ref = useRef<HTMLTextAreaElement>(null);
  useFocusOnError(ref, error);
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={input.required} errorId={errorId} hintId={hintId}>
      <textarea ref={ref} id={id} aria-invalid={error !== undefined} aria-describedby={describedBy} rows={4} {...input} />
    </Frame>
  );
}

export function SelectField({ label, error, hint, children, ...select }: FieldFrame & SelectHTMLAttributes<HTMLSelectElement>): ReactNode {
  const { id, describedBy, errorId, hintId } = useFieldIds(error, hint);
  const ref = useRef<HTMLSelectElement>(null);
  useFocusOnError(ref, error);
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={select.required} errorId={errorId} hintId={hintId}>
      <select ref={ref} id={id} aria-invalid={error !== undefined} aria-describedby={describedBy} {...select}>
        {children}
      </select>
    </Frame>
  );
}

/** A choice among states, each named in the reader's language with its code. */
export function StateField({ states, onPick, ...field }: FieldFrame & { readonly states: readonly string[]; readonly value: string; readonly onPick: (state: string) => void }): ReactNode {
  const labels = useLabels();
  return (
    <SelectField {...field} onChange={(e) => { onPick(e.target.value); }}>
      {states.map((s) => (
        <option key={s} value={s}>
          {labels.state(s)} ({s})
        </option>
      ))}
    </SelectField>
  );
}

export function SubmitButton({ pending, disabled = false, children }: { readonly pending: boolean; readonly disabled?: boolean; readonly children: ReactNode }): ReactNode {
  return (
    <button type="submit" className="primary" disabled={pending || disabled} aria-busy={pending}>
      {children}
    </button>
  );
}

/** A short-lived confirmation after a successful action, read out by screen readers. */
export function Saved({ show, children }: { readonly show: boolean; readonly children?: ReactNode }): ReactNode {
  const { t } = useTranslation();
  return (
    <p className="saved" role="status">
      {show ? (children ?? t('common.saved')) : ''}
    </p>
  );
}
