import { formatMoney } from '@clientele/core';

const locale = () => (typeof navigator === 'undefined' ? 'en' : navigator.language);

/** Minor units → localized money, exactly (no float), e.g. 12345 EUR → "€123.45". */
export const money = (amount: number, currency: string) => formatMoney(amount, currency, locale());

export const date = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso))
    : '—';

export const todayIso = () => new Date().toISOString().slice(0, 10);
