import { formatMoney } from '@clientele/db';
import { formatDate, localeOf } from '@clientele/pdf';
import type { Language } from '../../../services/reference/iso';

/** Money and dates as the client reads them, e.g. `1 234,56 €` and `12.03.2026`. */
export function formatters(lang: Language) {
  const locale = localeOf(lang);
  return {
    money: (minor: number, currency: string) => formatMoney(minor, currency, locale),
    date: (iso: string | null) => (iso ? formatDate(iso, lang) : ''),
  };
}
