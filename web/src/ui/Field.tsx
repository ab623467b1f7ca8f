import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

interface Labelled {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
}

/**
 * The one way a labelled field is drawn: label tied to the control, the API's error
 * announced to screen readers and described-by the control, or a hint when there is none.
 */
export function FieldShell({
  id,
  label,
  error,
  hint,
  children,
}: Labelled & {
  id: string;
  children: (aria: { 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input. */
export function Field({ label, error, hint, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const id = input.id ?? auto;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      {(aria) => <input {...input} id={id} {...aria} />}
    </FieldShell>
  );
}

/** A labelled text area. */
export function TextAreaField({
  label,
  error,
  hint,
  ...area
}: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const auto = useId();
  const id = area.id ?? auto;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      {(aria) => <textarea {...area} id={id} {...aria} />}
    </FieldShell>
  );
}

/** A labelled select. */
export function SelectField({
  label,
  error,
  hint,
  children,
  ...select
}: Labelled & SelectHTMLAttributes<HTMLSelectElement>) {
  const auto = useId();
  const id = select.id ?? auto;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      {(aria) => (
        <select {...select} id={id} {...aria}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}
