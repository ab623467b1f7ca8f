import type { Language } from '@clientele/core';
import { formatDate, formatMoney, localeOf } from '@clientele/core';

/** Money and dates as the client reads them, e.g. `1 234,56 €` and `12.03.2026`. */
export function formatters(lang: Language) {
  const locale = localeOf(lang);
  return {
    money: (minor: number, currency: string) => formatMoney(minor, currency, locale),
    date: (iso: string | null) => (iso ? formatDate(iso, lang) : ''),
  };
}
