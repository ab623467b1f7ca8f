import { AsyncLocalStorage } from 'node:async_hooks';
import { type Language, localeOf, MESSAGES } from '@clientele/core';

/**
 * The language of whoever made the current request, for the messages written to people
 * (why a request was refused). Set once per request by the API from Accept-Language —
 * the admin app sends the business's language — so validators deep inside a parse, which
 * take no arguments of ours, still speak it. English when nobody asked otherwise.
 */
const reader = new AsyncLocalStorage<Language>();

export function inLanguage<T>(lang: Language, run: () => T): T {
  return reader.run(lang, run);
}

export function readerLanguage(): Language {
  return reader.getStore() ?? 'en';
}

/** The words a refusal is written in for this request. */
export const problemWords = () => MESSAGES[readerLanguage()].problem;

/** Money and numbers inside those words, as the reader writes them. */
export const readerLocale = () => localeOf(readerLanguage());
