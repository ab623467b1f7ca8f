import {
  formatMoney,
  formatPercent,
  formatQuantity,
  isLanguage,
  LANGUAGES,
  type Language,
  localeOf,
} from '@clientele/core';
import { ADMIN_WORDS, type AdminMessages } from '@clientele/core/admin-words';
import { createContext, type ReactNode, useContext, useLayoutEffect } from 'react';
import { setApiLanguage } from './api/http';

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
  /** A month (YYYY-MM) as a short name: "Mar", "мар.", "3月". */
  month: (yyyyMm: string) => string;
  /** A number as this language writes it (decimal separator and all). */
  number: (n: number) => string;
  /** A percentage (tax rate, discount): "7,5%". */
  percent: (rate: number) => string;
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
  const months = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const separator = formatQuantity(1.5, lang).replace(/\d/g, '');
  return {
    t: ADMIN_WORDS[lang],
    lang,
    locale,
    money: (amount, currency) => formatMoney(amount, currency, locale),
    // Date-only values are calendar days: formatted in UTC so no time zone moves them.
    date: (iso) => (iso ? dates.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)) : '—'),
    month: (yyyyMm) => months.format(new Date(`${yyyyMm}-01T00:00:00Z`)),
    number: (n) => formatQuantity(n, lang),
    percent: (rate) => formatPercent(rate, lang),
    decimal: (plain) => plain.replace('.', separator),
  };
}

const ALL: Record<Language, Words> = Object.fromEntries(LANGUAGES.map((l) => [l, wordsFor(l)])) as Record<
  Language,
  Words
>;

const WordsContext = createContext<Words>(ALL.en);

/** Gives every page the words of `lang`; requests and the page's `lang` follow it. */
export function WordsProvider({ lang, children }: { lang: Language; children: ReactNode }) {
  // Before paint and before any effect below can send a request.
  useLayoutEffect(() => {
    setApiLanguage(lang);
    document.documentElement.lang = localeOf(lang);
  }, [lang]);
  return <WordsContext.Provider value={ALL[lang]}>{children}</WordsContext.Provider>;
}

export const useWords = (): Words => useContext(WordsContext);
