/**
 * ISO 4217 minor-unit exponents that are not 2. Taken from the ISO table rather
 * than from Intl, whose CLDR data rounds some currencies for display (IQD, ISK…).
 */
const EXPONENTS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
  // Precious metals, SDR and test codes have no minor unit.
  XAG: 0,
  XAU: 0,
  XBA: 0,
  XBB: 0,
  XBC: 0,
  XBD: 0,
  XDR: 0,
  XPD: 0,
  XPT: 0,
  XSU: 0,
  XTS: 0,
  XUA: 0,
  XXX: 0,
};

const KNOWN = new Set(Intl.supportedValuesOf('currency'));

export function isCurrency(code: string): boolean {
  return KNOWN.has(code);
}

/** Digits after the decimal point: JPY 0, EUR 2, BHD 3. */
export function minorUnits(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

/** Minor units → decimal string, exactly (no float): 12345 EUR → "123.45". */
export function toDecimalString(amount: number, currency: string): string {
  const digits = minorUnits(currency);
  const negative = amount < 0;
  const s = Math.abs(amount)
    .toString()
    .padStart(digits + 1, '0');
  const whole = digits ? s.slice(0, -digits) : s;
  const frac = digits ? `.${s.slice(-digits)}` : '';
  return `${negative ? '-' : ''}${whole}${frac}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

const isDecimalText = (s: string): s is `${number}` => /^-?\d+(\.\d+)?$/.test(s);

/**
 * A number as people type it in any of our languages, as plain decimal text ("85,50" →
 * "85.50", "1.234,56" → "1234.56", "1,234.56" → "1234.56", "1 234,5" → "1234.5"); null
 * when it is not a number. With both separators the last one is the decimal point; a lone
 * comma or dot is a decimal point unless it separates groups of three ("1,234,567").
 */
export function normalizeDecimal(text: string): string | null {
  const t = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!/^-?\d*(?:[.,]\d*)*$/.test(t) || !/\d/.test(t)) return null;
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [whole, frac, extra] = t.split(decimal);
    if (extra !== undefined || (frac ?? '').includes(group)) return null;
    return `${(whole ?? '').split(group).join('')}.${frac}`;
  }
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (!sep) return t;
  const parts = t.split(sep);
  if (parts.length > 2) {
    // Only thousands groups may repeat: 1,234,567 or 1.234.567.
    return parts.slice(1).every((p) => p.length === 3) ? parts.join('') : null;
  }
  return `${parts[0]}.${parts[1]}`;
}

/** A typed number (see `normalizeDecimal`) as a JS number, NaN when it is not one. */
export function parseUserNumber(text: string): number {
  const n = normalizeDecimal(text);
  return n === null || n === '.' || n === '-' ? Number.NaN : Number(n);
}

/**
 * Decimal text as people type it ("12.50", "12,5", "1.234,56") → minor units, exactly (no
 * float); NaN when it is not a non-negative amount with at most the currency's digits.
 */
export function parseDecimal(text: string, currency: string): number {
  const digits = minorUnits(currency);
  const m = /^(\d*)(?:\.(\d*))?$/.exec(normalizeDecimal(text) ?? 'x');
  if (!m || (!m[1] && !m[2])) return Number.NaN;
  const frac = (m[2] ?? '').padEnd(digits, '0');
  if (frac.length > digits) return Number.NaN;
  return Number(`${m[1] || '0'}${frac}`);
}

/** Formats for people, e.g. `¥12,000`, `1 234,56 €`; the number goes through a decimal string. */
export function formatMoney(amount: number, currency: string, locale = 'en'): string {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    const digits = minorUnits(currency);
    // Building a formatter costs far more than using one; documents format dozens of amounts.
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, f);
  }
  const decimal = toDecimalString(amount, currency);
  // Intl formats the decimal text exactly; a Number could not hold every amount.
  if (!isDecimalText(decimal)) throw new Error(`not a decimal: ${decimal}`);
  return f.format(decimal);
}
