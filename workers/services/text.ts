/** Optional text as it arrives from forms and API callers. */
export type Text = string | null | undefined;

/**
 * Forms send "" for an empty input; stored as null so "not given" has one spelling.
 * undefined stays undefined: in a patch it means "leave as is".
 */
export function blankToNull(v: Text): string | null | undefined {
  if (v === undefined) return undefined;
  if (v === null) return null;
  const t = v.trim();
  return t === '' ? null : t;
}
