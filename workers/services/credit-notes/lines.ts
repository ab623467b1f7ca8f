import { DOCUMENT_WORDS, type DocumentTotals, divRound, formatPercent, type Language } from '@clientele/core';
import type { CreditNoteLine } from '@clientele/db';

/**
 * What a credit note takes back, in integer minor units: whole invoice lines, or a gross amount
 * spread over the invoice's tax rates in proportion to their gross amounts. Every split rounds
 * so that its parts add up exactly to what was asked (largest remainder first), never a cent
 * more or less.
 */

type InvoiceLine = DocumentTotals['lines'][number];

const grossOf = (l: InvoiceLine) => l.base + l.taxes.reduce((s, t) => s + t.amount, 0);
const taxOf = (l: InvoiceLine) => l.taxes.reduce((s, t) => s + t.amount, 0);

/** The invoice's own lines, credited in full. */
export function creditLines(totals: DocumentTotals, indexes: number[]): CreditNoteLine[] {
  return indexes.map((i) => {
    const l = totals.lines[i]!;
    return {
      description: l.description,
      invoiceLine: i,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      net: l.base,
      taxRate: l.taxes[0]?.rate ?? 0,
      tax: taxOf(l),
      amount: grossOf(l),
    };
  });
}

/** Splits `total` over `weights` in proportion, the parts adding up exactly to `total`. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sum === 0n) return weights.map(() => 0);
  const exact = weights.map((w) => BigInt(total) * BigInt(w));
  const parts = exact.map((e) => e / sum);
  let left = BigInt(total) - parts.reduce((s, p) => s + p, 0n);
  // Largest remainders first; ties go to the earlier share, so the result is reproducible.
  const order = exact
    .map((e, i) => ({ i, r: e % sum }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0n) break;
    parts[i] = parts[i]! + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

/**
 * A gross amount as one line per tax rate of the invoice (lines with the same taxes form one
 * group), each carrying its share of the amount and the tax inside it.
 */
export function amountLines(totals: DocumentTotals, amount: number, language: Language): CreditNoteLine[] {
  const groups = new Map<string, { rates: number[]; gross: number; base: number }>();
  for (const l of totals.lines) {
    const rates = l.taxes.map((t) => t.rate);
    const key = rates.join('+');
    const g = groups.get(key) ?? { rates, gross: 0, base: 0 };
    g.gross += grossOf(l);
    g.base += l.base;
    groups.set(key, g);
  }
  const list = [...groups.values()].filter((g) => g.gross > 0);
  const shares = apportion(
    amount,
    list.map((g) => g.gross),
  );
  const words = DOCUMENT_WORDS[language];
  return list
    .map((g, i) => {
      const share = shares[i]!;
      const net = Number(divRound(BigInt(share) * BigInt(g.base), BigInt(g.gross)));
      const rates = g.rates.length ? g.rates : [0];
      return {
        description: words.creditAtRate(rates.map((r) => formatPercent(r, language)).join(' + ')),
        invoiceLine: null,
        quantity: null,
        unitPrice: null,
        net,
        taxRate: rates[0] ?? 0,
        tax: share - net,
        amount: share,
      };
    })
    .filter((l) => l.amount > 0);
}

export function sumLines(lines: CreditNoteLine[]) {
  return lines.reduce(
    (s, l) => ({ subtotal: s.subtotal + l.net, taxTotal: s.taxTotal + l.tax, total: s.total + l.amount }),
    { subtotal: 0, taxTotal: 0, total: 0 },
  );
}
