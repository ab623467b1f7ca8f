import { describe, expect, it } from 'vitest';
import { renderDocumentPdf } from '../src';
import { invoice, nodeFonts } from './fixtures';
import { invisibleWords, pdfText, qpdfCheck, saveTemp } from './pdf-tools';

/** A credit note as the Worker builds it from its snapshot: its invoice, date and reason on it. */
const creditNote = (language: 'en' | 'pt' | 'ja') =>
  invoice({
    kind: 'credit_note',
    language,
    number: 'CN-2026-0007',
    issueDate: '2026-11-20',
    dueDate: null,
    credits: { invoiceNumber: 'INV-2026-0042', invoiceDate: '2026-10-09', reason: 'Hours billed twice' },
    lines: [{ description: 'Design', quantity: 2, unitPrice: 5000, taxRate: 20, amount: 10000 }],
    subtotal: 10000,
    discountTotal: 0,
    taxes: [{ rate: 20, inclusive: false, amount: 2000 }],
    total: 12000,
    amountPaid: 0,
    amountDue: 0,
    stamp: null,
    paymentInstructions: null,
  });

describe('credit note PDF', () => {
  it('prints its title, the invoice it corrects with that invoice’s date, the reason and the total credited', async () => {
    const path = saveTemp(await renderDocumentPdf(creditNote('en'), { fonts: nodeFonts }), 'credit-en.pdf');
    const text = pdfText(path);
    for (const words of [
      'Credit note',
      'CN-2026-0007',
      'Credited invoice',
      'INV-2026-0042',
      'Invoice date',
      'Hours billed twice',
      'Total credited',
    ])
      expect(text).toContain(words);
    // A credit note asks for no payment.
    expect(text).not.toContain('Amount due');
    expect(text).not.toContain('View and pay online');
    expect(qpdfCheck(path)).toContain('No syntax or stream encoding errors');
  });

  it('speaks the client’s language, every word visible', { timeout: 60_000 }, async () => {
    const pt = saveTemp(await renderDocumentPdf(creditNote('pt'), { fonts: nodeFonts }), 'credit-pt.pdf');
    expect(pdfText(pt)).toContain('Nota de crédito');
    expect(pdfText(pt)).toContain('Fatura creditada');
    const ja = saveTemp(await renderDocumentPdf(creditNote('ja'), { fonts: nodeFonts }), 'credit-ja.pdf');
    expect(pdfText(ja)).toContain('減額合計');
    expect(invisibleWords(ja)).toEqual([]);
  });
});
