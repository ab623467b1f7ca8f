import { formatMoney, isLanguage, LANGUAGES, type Language, localeOf } from '@clientele/core';
import { ADMIN_WORDS, type AdminMessages } from '@clientele/core/admin-words';
import { createContext, type ReactNode, useContext, useLayoutEffect, useState } from 'react';
import { setApiLanguage } from './api';

/** The app's words and formats in one language: what every page reads. */
export interface Words {
  t: AdminMessages;
  lang: Language;
  /** BCP 47 locale for Intl. */
  locale: string;
  /** Minor units → money as this language writes it, exactly (no float). */
  money: (amount: number, currency: string) => string;
  /** A date or timestamp as a medium date; "—" when there is none. */
  date: (iso: string | null | undefined) => string;
  /** A number as this language writes it (decimal separator and all). */
  number: (n: number) => string;
  /**
   * A plain decimal string ("85.50", as the API and `toDecimalString` give it) for an
   * input box, with this language's decimal separator ("85,50"); what people type back
   * is read by `parseDecimal`, which takes either.
   */
  decimal: (plain: string) => string;
}

/** Before sign-in there is no business: the browser's first language the product speaks. */
export function browserLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function wordsFor(lang: Language): Words {
  const locale = localeOf(lang);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const separator = numbers.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return {
    t: ADMIN_WORDS[lang],
    lang,
    locale,
    money: (amount, currency) => formatMoney(amount, currency, locale),
    // Date-only values are calendar days: formatted in UTC so no time zone moves them.
    date: (iso) => (iso ? dates.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)) : '—'),
    number: (n) => numbers.format(n),
    decimal: (plain) => plain.replace('.', separator),
  };
}

const ALL: Record<Language, Words> = Object.fromEntries(LANGUAGES.map((l) => [l, wordsFor(l)])) as Record<
  Language,
  Words
>;

const WordsContext = createContext<Words>(ALL.en);
const DepthContext = createContext(0);

/**
 * The providers on screen and how deeply each is nested: the innermost one (sign-up's
 * language picker inside the app's) decides what requests carry and the page's `lang`,
 * and when it goes away the next one out takes over again.
 */
const onScreen = new Map<symbol, { depth: number; lang: Language }>();

function speakInnermost() {
  let innermost: { depth: number; lang: Language } | undefined;
  for (const p of onScreen.values()) if (!innermost || p.depth >= innermost.depth) innermost = p;
  const lang = innermost?.lang ?? 'en';
  setApiLanguage(lang);
  document.documentElement.lang = localeOf(lang);
}

/** Gives every page below it the words of `lang`. */
export function WordsProvider({ lang, children }: { lang: Language; children: ReactNode }) {
  const words = ALL[lang];
  const depth = useContext(DepthContext) + 1;
  const [id] = useState(() => Symbol('words'));
  // Before paint and before any effect below can send a request.
  useLayoutEffect(() => {
    onScreen.set(id, { depth, lang });
    speakInnermost();
    return () => {
      onScreen.delete(id);
      speakInnermost();
    };
  }, [id, depth, lang]);
  return (
    <DepthContext.Provider value={depth}>
      <WordsContext.Provider value={words}>{children}</WordsContext.Provider>
    </DepthContext.Provider>
  );
}

export const useWords = (): Words => useContext(WordsContext);

/** Language names as their speakers write them, the way language pickers show them. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ru: 'Русский',
  pt: 'Português',
  it: 'Italiano',
  ja: '日本語',
};
