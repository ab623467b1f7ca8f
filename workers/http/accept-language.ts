import { LANGUAGES, type Language } from '@clientele/core';
import type { Context } from 'hono';
import { detectFromHeader } from 'hono/language';

/** Hono's Accept-Language parser (q-values, `pt-BR` → `pt`), limited to our languages. */
const ACCEPT_LANGUAGE = {
  order: ['header'],
  lookupQueryString: 'lang',
  lookupCookie: 'lang',
  lookupFromHeaderKey: 'accept-language',
  lookupFromPathIndex: 0,
  caches: false,
  ignoreCase: true,
  fallbackLanguage: 'en',
  supportedLanguages: [...LANGUAGES],
  debug: false,
} satisfies Parameters<typeof detectFromHeader>[1];

/** The caller's preferred language among ours, by Accept-Language weight; English without one. */
export function headerLanguage(c: Context): Language {
  return (detectFromHeader(c, ACCEPT_LANGUAGE) as Language | undefined) ?? 'en';
}
