import { LANGUAGE_NAMES, LANGUAGES } from '@clientele/core';

/** Each language named in itself, so a reader finds theirs whatever the screen's language. */
export function LanguageOptions() {
  return (
    <>
      {LANGUAGES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LANGUAGE_NAMES[l]}
        </option>
      ))}
    </>
  );
}
