/**
 * Document arithmetic in integer minor units. Quantities and rates are decimals
 * scaled to integers, products are taken in BigInt, and every rounding happens per
 * line, half away from zero — so totals are exact, reproducible and never drift.
 *
 * For each line:
 *   amount    = round(quantity × unitPrice) − round(that × lineDiscount%)
 *   discount  = round(amount × documentDiscount%)
 *   taxable   = amount − discount            (still containing inclusive taxes)
 *   inclusive taxes are carved out of taxable, exclusive taxes are added on top of the base.
 * Document: subtotal = Σ amount; total = subtotal − discountTotal + exclusive taxes.
 */

export const QUANTITY_SCALE = 10_000; // 4 decimals: 1.5 hours, 0.125 kg
export const RATE_SCALE = 1_000; // percent with 3 decimals: 7.5 %, 8.875 %
export const PERCENT_DISCOUNT_SCALE = 100; // percent with 2 decimals

export interface TaxInput {
  /** Percentage, e.g. 20 or 7.5 (at most 3 decimals). */
  rate: number;
  /** True when the unit price already contains this tax. */
  inclusive?: boolean | undefined;
}

export interface LineInput {
  description: string;
  /** Up to 4 decimals. */
  quantity: number;
  /** Minor units of the document currency. */
  unitPrice: number;
  /** Percentage off this line, up to 2 decimals. */
  discountPercent?: number | undefined;
  taxes?: TaxInput[] | undefined;
}

export interface LineTax {
  rate: number;
  inclusive: boolean;
  amount: number;
}

export interface LineTotals {
  description: string;
  quantity: number;
  unitPrice: number;
  discountPercent: number;
  /** Quantity × unit price less the line discount, before the document discount. */
  amount: number;
  /** This line's share of the document discount. */
  documentDiscount: number;
  /** Taxable base, net of every tax. */
  base: number;
  taxes: LineTax[];
}

export interface TaxBreakdown {
  rate: number;
  inclusive: boolean;
  base: number;
  amount: number;
}

export interface DocumentTotals {
  lines: LineTotals[];
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  /** Part of taxTotal already inside the prices (so not added again to the total). */
  inclusiveTaxTotal: number;
  total: number;
  taxes: TaxBreakdown[];
}

/** Why an amount was refused, so each surface can say it in its reader's words. */
export type AmountRefusal =
  | 'not-a-number'
  | 'too-precise'
  | 'too-large'
  | 'percent-range'
  | 'negative'
  | 'not-whole';

export class AmountError extends Error {
  constructor(
    readonly path: string,
    readonly reason: AmountRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** Decimal number → scaled integer, refusing more decimals than the scale holds. */
export function toScaled(value: number, scale: number, path: string): bigint {
  if (!Number.isFinite(value)) throw new AmountError(path, 'not-a-number', 'must be a finite number');
  const scaled = Math.round(value * scale);
  // Compare through the decimal string so 1.1 × 10000 rounding noise is not "too precise".
  if (Math.abs(scaled / scale - value) > 1e-9 * Math.max(1, Math.abs(value))) {
    throw new AmountError(path, 'too-precise', `has more than ${Math.log10(scale)} decimals`);
  }
  return BigInt(scaled);
}

/** Rounds n / d to the nearest integer, halves away from zero. */
export function divRound(n: bigint, d: bigint): bigint {
  if (d < 0n) return divRound(-n, -d);
  const q = n / d;
  const r = n % d;
  if (r * 2n >= d) return q + 1n;
  if (r * 2n <= -d) return q - 1n;
  return q;
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

function toSafe(v: bigint, path: string): number {
  if (v > MAX || v < -MAX) throw new AmountError(path, 'too-large', 'is too large');
  return Number(v);
}

export function totals(lines: LineInput[], documentDiscountPercent = 0): DocumentTotals {
  const docDiscount = toScaled(documentDiscountPercent, PERCENT_DISCOUNT_SCALE, 'discountPercent');
  if (docDiscount < 0n || docDiscount > 100n * 100n) {
    throw new AmountError('discountPercent', 'percent-range', 'must be between 0 and 100');
  }
  const byRate = new Map<string, TaxBreakdown>();
  const out: LineTotals[] = [];
  let subtotal = 0n;
  let discountTotal = 0n;
  let taxTotal = 0n;
  let inclusiveTotal = 0n;

  lines.forEach((line, i) => {
    const p = `lines.${i}`;
    const qty = toScaled(line.quantity, QUANTITY_SCALE, `${p}.quantity`);
    if (qty < 0n) throw new AmountError(`${p}.quantity`, 'negative', 'must not be negative');
    if (!Number.isSafeInteger(line.unitPrice))
      throw new AmountError(`${p}.unitPrice`, 'not-whole', 'must be an integer');
    if (line.unitPrice < 0) throw new AmountError(`${p}.unitPrice`, 'negative', 'must not be negative');
    const lineDiscount = toScaled(line.discountPercent ?? 0, PERCENT_DISCOUNT_SCALE, `${p}.discountPercent`);
    if (lineDiscount < 0n || lineDiscount > 10_000n) {
      throw new AmountError(`${p}.discountPercent`, 'percent-range', 'must be between 0 and 100');
    }
    const gross = divRound(qty * BigInt(line.unitPrice), BigInt(QUANTITY_SCALE));
    const amount = gross - divRound(gross * lineDiscount, 10_000n);
    const docShare = divRound(amount * docDiscount, 10_000n);
    const taxable = amount - docShare;

    const taxes = (line.taxes ?? []).map((t, j) => {
      const rate = toScaled(t.rate, RATE_SCALE, `${p}.taxes.${j}.rate`);
      if (rate < 0n || rate > 100n * BigInt(RATE_SCALE)) {
        throw new AmountError(`${p}.taxes.${j}.rate`, 'percent-range', 'must be between 0 and 100');
      }
      return { rate, inclusive: t.inclusive === true, display: t.rate };
    });
    const HUNDRED = 100n * BigInt(RATE_SCALE);
    const inclusiveRate = taxes.filter((t) => t.inclusive).reduce((s, t) => s + t.rate, 0n);
    // Inclusive taxes: split the base out of the price, then give each rate its share;
    // the base absorbs the rounding so base + inclusive taxes == taxable exactly.
    const provisionalBase = divRound(taxable * HUNDRED, HUNDRED + inclusiveRate);
    const lineTaxes: LineTax[] = [];
    let inclusiveSum = 0n;
    for (const t of taxes.filter((x) => x.inclusive)) {
      const amt = divRound(provisionalBase * t.rate, HUNDRED);
      inclusiveSum += amt;
      lineTaxes.push({ rate: t.display, inclusive: true, amount: toSafe(amt, `${p}.taxes`) });
    }
    const base = taxable - inclusiveSum;
    for (const t of taxes.filter((x) => !x.inclusive)) {
      const amt = divRound(base * t.rate, HUNDRED);
      lineTaxes.push({ rate: t.display, inclusive: false, amount: toSafe(amt, `${p}.taxes`) });
    }
    for (const t of lineTaxes) {
      const key = `${t.rate}|${t.inclusive}`;
      const agg = byRate.get(key) ?? { rate: t.rate, inclusive: t.inclusive, base: 0, amount: 0 };
      agg.base += toSafe(base, p);
      agg.amount += t.amount;
      byRate.set(key, agg);
      taxTotal += BigInt(t.amount);
      if (t.inclusive) inclusiveTotal += BigInt(t.amount);
    }
    subtotal += amount;
    discountTotal += docShare;
    out.push({
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discountPercent: line.discountPercent ?? 0,
      amount: toSafe(amount, `${p}.amount`),
      documentDiscount: toSafe(docShare, p),
      base: toSafe(base, p),
      taxes: lineTaxes,
    });
  });

  const total = subtotal - discountTotal + (taxTotal - inclusiveTotal);
  return {
    lines: out,
    subtotal: toSafe(subtotal, 'subtotal'),
    discountTotal: toSafe(discountTotal, 'discountTotal'),
    taxTotal: toSafe(taxTotal, 'taxTotal'),
    inclusiveTaxTotal: toSafe(inclusiveTotal, 'taxTotal'),
    total: toSafe(total, 'total'),
    taxes: [...byRate.values()].sort((a, b) => a.rate - b.rate || Number(a.inclusive) - Number(b.inclusive)),
  };
}
