import { describe, expect, it } from 'vitest';
import { isLanguage, LANGUAGES, localeOf } from '../src';

describe('languages', () => {
  it('accepts the five product languages and nothing else', () => {
    expect([...LANGUAGES]).toEqual(['en', 'ru', 'pt', 'it', 'ja']);
    for (const l of LANGUAGES) expect(isLanguage(l)).toBe(true);
    for (const l of ['de', 'EN', '', 'ja-JP', null, undefined]) expect(isLanguage(l)).toBe(false);
  });

  it('maps each to an Intl locale the runtime knows', () => {
    for (const l of LANGUAGES) expect(Intl.DateTimeFormat.supportedLocalesOf(localeOf(l))).toHaveLength(1);
  });
});
