import { describe, expect, it } from 'vitest';
import { isDocumentLanguage } from '../src';

describe('document languages', () => {
  it('accepts the five product languages and nothing else', () => {
    for (const l of ['en', 'ru', 'pt', 'it', 'ja']) expect(isDocumentLanguage(l)).toBe(true);
    for (const l of ['de', 'EN', '', 'ja-JP']) expect(isDocumentLanguage(l)).toBe(false);
  });
});
