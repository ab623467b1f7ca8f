import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AmountError,
  divRound,
  formatMoney,
  minorUnits,
  parseDecimal,
  toDecimalString,
  totals,
} from '../src/money';

describe('currency minor units', () => {
  it('follows ISO 4217 for the awkward ones and knows every Intl currency', () => {
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('KRW')).toBe(0);
    expect(minorUnits('EUR')).toBe(2);
    expect(minorUnits('USD')).toBe(2);
    expect(minorUnits('BHD')).toBe(3);
    expect(minorUnits('KWD')).toBe(3);
    for (const c of Intl.supportedValuesOf('currency')) expect([0, 2, 3, 4]).toContain(minorUnits(c));
  });

  it('formats exactly in each language', () => {
    expect(formatMoney(12000, 'JPY', 'ja')).toBe('￥12,000');
    expect(formatMoney(1200000, 'JPY', 'en')).toBe('¥1,200,000');
    expect(formatMoney(123456, 'EUR', 'ru').replace(/\s/g, ' ')).toBe('1 234,56 €');
    expect(formatMoney(12345678, 'EUR', 'pt-PT').replace(/\s/g, ' ')).toBe('123 456,78 €');
    expect(formatMoney(1234567, 'BHD', 'en').replace(/\s/g, ' ')).toBe('BHD 1,234.567');
    expect(toDecimalString(5, 'EUR')).toBe('0.05');
    expect(toDecimalString(-105, 'USD')).toBe('-1.05');
    expect(toDecimalString(7, 'JPY')).toBe('7');
  });

  it('parses typed amounts exactly, refusing more digits than the currency has', () => {
    expect(parseDecimal('12.5', 'EUR')).toBe(1250);
    expect(parseDecimal(' 12,05 ', 'EUR')).toBe(1205);
    expect(parseDecimal('.5', 'EUR')).toBe(50);
    expect(parseDecimal('1.005', 'BHD')).toBe(1005);
    expect(parseDecimal('12000', 'JPY')).toBe(12000);
    for (const bad of ['12.345', 'abc', '', '-1', '1.2.3']) expect(parseDecimal(bad, 'EUR')).toBeNaN();
    expect(parseDecimal('1.5', 'JPY')).toBeNaN();
    for (const n of [0, 5, 1205, 123456789]) expect(parseDecimal(toDecimalString(n, 'EUR'), 'EUR')).toBe(n);
  });
});

describe('totals()', () => {
  it('rounds half away from zero', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(-4n, 3n)).toBe(-1n);
  });

  it('computes a realistic invoice: decimal hours, line discount, two rates, document discount', () => {
    const t = totals(
      [
        { description: 'Design', quantity: 1.5, unitPrice: 8000, taxes: [{ rate: 23 }] },
        { description: 'Hosting', quantity: 3, unitPrice: 999, discountPercent: 10, taxes: [{ rate: 6 }] },
      ],
      5,
    );
    // 1.5 × 80.00 = 120.00; 3 × 9.99 = 29.97 − 10 % (3.00) = 26.97
    expect(t.lines.map((l) => l.amount)).toEqual([12000, 2697]);
    expect(t.subtotal).toBe(14697);
    // 5 % document discount per line: 6.00 and 1.35
    expect(t.discountTotal).toBe(600 + 135);
    // 23 % of 114.00 = 26.22; 6 % of 25.62 = 1.54 (1.5372)
    expect(t.taxes).toEqual([
      { rate: 6, inclusive: false, base: 2562, amount: 154 },
      { rate: 23, inclusive: false, base: 11400, amount: 2622 },
    ]);
    expect(t.total).toBe(14697 - 735 + 2622 + 154);
  });

  it('carves inclusive tax out of the price without changing the total', () => {
    const t = totals([
      { description: 'Ticket', quantity: 1, unitPrice: 1000, taxes: [{ rate: 10, inclusive: true }] },
    ]);
    expect(t.total).toBe(1000);
    expect(t.taxes).toEqual([{ rate: 10, inclusive: true, base: 909, amount: 91 }]);
    expect(t.inclusiveTaxTotal).toBe(91);
  });

  it('JPY stays whole yen', () => {
    const t = totals([{ description: '作業', quantity: 2.5, unitPrice: 3333, taxes: [{ rate: 10 }] }]);
    expect(t.lines[0]!.amount).toBe(8333); // 8332.5 rounds away from zero
    expect(t.total).toBe(8333 + 833);
  });

  it('names the bad field', () => {
    const bad = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as AmountError).path;
      }
      return null;
    };
    expect(bad(() => totals([{ description: 'x', quantity: -1, unitPrice: 1 }]))).toBe('lines.0.quantity');
    expect(bad(() => totals([{ description: 'x', quantity: 1.00001, unitPrice: 1 }]))).toBe(
      'lines.0.quantity',
    );
    expect(bad(() => totals([{ description: 'x', quantity: 1, unitPrice: 1.5 }]))).toBe('lines.0.unitPrice');
    expect(bad(() => totals([{ description: 'x', quantity: 1, unitPrice: 1, taxes: [{ rate: 101 }] }]))).toBe(
      'lines.0.taxes.0.rate',
    );
    expect(bad(() => totals([], 120))).toBe('discountPercent');
  });

  const tax = fc.record({
    rate: fc.integer({ min: 0, max: 30_000 }).map((r) => r / 1000),
    inclusive: fc.boolean(),
  });
  const line = fc.record({
    description: fc.string(),
    quantity: fc.integer({ min: 0, max: 10_000_000 }).map((q) => q / 10_000),
    unitPrice: fc.integer({ min: 0, max: 100_000_000 }),
    discountPercent: fc.integer({ min: 0, max: 10_000 }).map((d) => d / 100),
    taxes: fc.array(tax, { maxLength: 3 }),
  });
  const doc = fc.tuple(
    fc.array(line, { maxLength: 30 }),
    fc.integer({ min: 0, max: 10_000 }).map((d) => d / 100),
  );

  it('property: subtotal − discounts + taxes not in prices = total, all integers, never negative', () => {
    fc.assert(
      fc.property(doc, ([lines, discount]) => {
        const t = totals(lines, discount);
        for (const v of [t.subtotal, t.discountTotal, t.taxTotal, t.total]) {
          expect(Number.isSafeInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        expect(t.subtotal - t.discountTotal + t.taxTotal - t.inclusiveTaxTotal).toBe(t.total);
        expect(t.lines.reduce((s, l) => s + l.amount, 0)).toBe(t.subtotal);
        expect(t.taxes.reduce((s, x) => s + x.amount, 0)).toBe(t.taxTotal);
        // Every line: base + its taxes == its taxable amount + exclusive taxes, exactly.
        for (const l of t.lines) {
          const incl = l.taxes.filter((x) => x.inclusive).reduce((s, x) => s + x.amount, 0);
          expect(l.base + incl).toBe(l.amount - l.documentDiscount);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: the result does not depend on line order (no float drift)', () => {
    fc.assert(
      fc.property(doc, ([lines, discount]) => {
        const a = totals(lines, discount);
        const b = totals([...lines].reverse(), discount);
        expect([b.subtotal, b.discountTotal, b.taxTotal, b.total]).toEqual([
          a.subtotal,
          a.discountTotal,
          a.taxTotal,
          a.total,
        ]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('numbers as people type them', () => {
  it('accepts either decimal separator and thousands groups', async () => {
    const { normalizeDecimal, parseUserNumber } = await import('../src');
    const cases: [string, string | null][] = [
      ['85,50', '85.50'],
      ['85.50', '85.50'],
      ['1.234,56', '1234.56'],
      ['1,234.56', '1234.56'],
      ['1 234,5', '1234.5'],
      ['1,234,567', '1234567'],
      ['12', '12'],
      ['1,2,3', null],
      ['abc', null],
      ['', null],
    ];
    for (const [text, expected] of cases) expect(normalizeDecimal(text), text).toBe(expected);
    expect(parseUserNumber('1,5')).toBe(1.5);
    expect(parseUserNumber('x')).toBeNaN();
    expect(parseDecimal('85,50', 'EUR')).toBe(8550);
    expect(parseDecimal('1.234,56', 'EUR')).toBe(123456);
    expect(parseDecimal('12000', 'JPY')).toBe(12000);
    expect(parseDecimal('1,5', 'JPY')).toBeNaN();
  });
});
