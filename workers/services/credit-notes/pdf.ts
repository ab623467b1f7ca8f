import { isLanguage } from '@clientele/core';
import type { CreditNoteRow } from '@clientele/db';
import { RENDERER_VERSION } from '@clientele/pdf';
import { sha256Hex } from '../auth/encoding';
import type { TenantContext } from '../context';
import { type PdfPlan, pdfFilename, pdfFromPlan, portalHome, type RenderedPdf } from '../documents/pdf';

/**
 * A credit note prints through the documents' renderer, from its frozen snapshot, in the
 * client's language: its lines (net) with the tax per rate, the total credited, the invoice it
 * corrects with that invoice's date, and the reason.
 */
export async function planCreditNotePdf(ctx: TenantContext, row: CreditNoteRow): Promise<PdfPlan> {
  const s = row.snapshot;
  const taxes = new Map<number, number>();
  for (const l of s.lines) if (l.tax) taxes.set(l.taxRate, (taxes.get(l.taxRate) ?? 0) + l.tax);
  const input = {
    kind: 'credit_note' as const,
    credits: { invoiceNumber: s.invoice.number, invoiceDate: s.invoice.issueDate, reason: s.reason },
    language: isLanguage(s.language) ? s.language : 'en',
    currency: s.currency,
    number: row.number,
    issueDate: s.issueDate,
    dueDate: null,
    validUntil: null,
    seller: s.seller,
    billTo: { ...s.billTo, address: s.billTo.billingAddress },
    lines: s.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity ?? 1,
      unitPrice: l.unitPrice ?? l.net,
      taxRate: l.taxRate || null,
      amount: l.net,
    })),
    subtotal: s.subtotal,
    discountTotal: 0,
    taxes: [...taxes].map(([rate, amount]) => ({ rate, inclusive: false, amount })),
    total: s.total,
    amountPaid: 0,
    amountDue: 0,
    notes: null,
    footer: null,
    paymentInstructions: null,
    portalUrl: portalHome(ctx),
    stamp: null,
    logoKey: s.seller.logoKey ?? null,
  };
  const hash = await sha256Hex(`${RENDERER_VERSION}\n${JSON.stringify(input)}`);
  return {
    input,
    key: `pdf/${ctx.tenantId}/${row.id}/${hash.slice(0, 32)}.pdf`,
    filename: pdfFilename({ number: row.number, id: row.id, type: 'invoice' }),
    documentId: row.id,
  };
}

export async function creditNotePdf(ctx: TenantContext, row: CreditNoteRow): Promise<RenderedPdf> {
  return pdfFromPlan(ctx, await planCreditNotePdf(ctx, row));
}
