/** One input of an editor's line, in its table cell, with the API's refusal for it underneath. */
export function LineInputCell({
  label,
  value,
  onChange,
  error,
  numeric = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  numeric?: boolean;
}) {
  return (
    <td>
      <input
        aria-label={label}
        inputMode={numeric ? 'decimal' : undefined}
        className={numeric ? 'num' : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? <p className="field-error">{error}</p> : null}
    </td>
  );
}
