import { isExpired, isOverdue, type LineInput, totals } from '@clientele/core';
import { type DocumentRow, type DocumentSnapshot, discountPercentOf } from '@clientele/db';

export interface LineView {
  description: string;
  quantity: number;
  unitPrice: number;
  discountPercent: number;
  /** The first tax rate, as in the public contract; `taxes` has them all. */
  taxRate: number;
  taxes: { rate: number; inclusive: boolean }[];
  amount: number;
}

export interface BillTo {
  name: string;
  company: string | null;
  email: string | null;
  billingAddress: {
    street: string | null;
    city: string | null;
    state: string | null;
    postalCode: string | null;
    country: string | null;
  };
  taxId: string | null;
}

export interface DocumentView {
  id: string;
  type: 'invoice' | 'estimate';
  clientId: string;
  clientName?: string;
  number: string | null;
  status: string;
  overdue: boolean;
  currency: string;
  language: string;
  issueDate: string;
  dueDate: string | null;
  validUntil: string | null;
  lines: LineView[];
  discountPercent: number;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
  amountPaid: number;
  amountDue: number;
  taxes: { rate: number; inclusive: boolean; base: number; amount: number }[];
  notes: string | null;
  footer: string | null;
  billTo: BillTo | null;
  invoiceId: string | null;
  estimateId: string | null;
  rejectionReason: string | null;
  sentAt: string | null;
  viewedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The public status: stored status, with `expired` derived for estimates past their date. */
function publicStatus(row: DocumentRow, day: string): string {
  return isExpired(row, day) ? 'expired' : row.status;
}

export { isOverdue };

/**
 * Issued documents are shown from their frozen snapshot; drafts from their live
 * fields, with `billTo` supplied by the caller (the client as it is today).
 */
export function toDocumentView(
  row: DocumentRow & { clientName?: string },
  now: Date,
  liveBillTo: BillTo | null = null,
): DocumentView {
  const snap: DocumentSnapshot | null = row.snapshot ?? null;
  const computed = snap?.totals ?? totals(row.lines as LineInput[], discountPercentOf(row));
  const day = today(now);
  return {
    id: row.id,
    type: row.type,
    clientId: row.clientId,
    ...(row.clientName !== undefined ? { clientName: row.clientName } : {}),
    number: row.number,
    status: publicStatus(row, day),
    overdue: isOverdue(row, day),
    currency: row.currency,
    language: row.language,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    validUntil: row.validUntil,
    lines: computed.lines.map((l, i) => {
      const input = (row.lines as LineInput[])[i];
      const taxes = l.taxes.map((t) => ({ rate: t.rate, inclusive: t.inclusive }));
      return {
        description: l.description,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        discountPercent: l.discountPercent,
        taxRate: taxes[0]?.rate ?? input?.taxes?.[0]?.rate ?? 0,
        taxes: taxes.length
          ? taxes
          : (input?.taxes ?? []).map((t) => ({ rate: t.rate, inclusive: t.inclusive === true })),
        amount: l.amount,
      };
    }),
    discountPercent: snap?.discountPercent ?? discountPercentOf(row),
    subtotal: row.subtotal,
    discountTotal: row.discountTotal,
    taxTotal: row.taxTotal,
    total: row.total,
    amountPaid: row.amountPaid,
    amountDue: row.type === 'invoice' && row.status !== 'void' ? row.total - row.amountPaid : 0,
    taxes: computed.taxes,
    notes: row.notes,
    footer: row.footer,
    billTo: snap?.billTo ?? liveBillTo,
    invoiceId: row.type === 'estimate' ? row.convertedInvoiceId : null,
    estimateId: row.type === 'invoice' ? row.sourceEstimateId : null,
    rejectionReason: row.rejectionReason,
    sentAt: row.sentAt?.toISOString() ?? null,
    viewedAt: row.viewedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
