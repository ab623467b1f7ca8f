import { type DocumentType, isExpired, isOverdue, type LineInput, totals } from '@clientele/core';
import {
  type DocumentRow,
  type DocumentRows,
  type DocumentSnapshot,
  discountPercentOf,
  typedDocument,
} from '@clientele/db';
import type { BillTo, DocumentBase, DocumentView, DocumentViews } from './schema';

export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export { isOverdue };

/** What invoices and estimates show alike. */
function baseOf(
  row: DocumentRow & { clientName?: string },
  now: Date,
  liveBillTo: BillTo | null,
): DocumentBase {
  const snap: DocumentSnapshot | null = row.snapshot ?? null;
  const computed = snap?.totals ?? totals(row.lines as LineInput[], discountPercentOf(row));
  return {
    id: row.id,
    clientId: row.clientId,
    ...(row.clientName !== undefined ? { clientName: row.clientName } : {}),
    number: row.number,
    overdue: isOverdue(row, today(now)),
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
    dispute: row.dispute
      ? { amount: row.dispute.amount, status: row.dispute.status, reason: row.dispute.reason }
      : null,
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

type Row<K extends DocumentType> = DocumentRows[K] & { clientName?: string };

const VIEWS: {
  [K in DocumentType]: (row: Row<K>, now: Date, liveBillTo: BillTo | null) => DocumentViews[K];
} = {
  invoice: (row, now, liveBillTo) => ({
    ...baseOf(row, now, liveBillTo),
    type: row.type,
    status: row.status,
  }),
  // The public status of an estimate past its date is `expired`, derived at read time.
  estimate: (row, now, liveBillTo) => ({
    ...baseOf(row, now, liveBillTo),
    type: row.type,
    status: isExpired(row, today(now)) ? 'expired' : row.status,
  }),
};

/**
 * Issued documents are shown from their frozen snapshot; drafts from their live
 * fields, with `billTo` supplied by the caller (the client as it is today).
 */
export function toDocumentView<T extends DocumentType>(
  type: T,
  row: Row<T>,
  now: Date,
  liveBillTo: BillTo | null = null,
): DocumentViews[T] {
  return VIEWS[type](row, now, liveBillTo);
}

/** A stored row of either kind, as its kind's view. */
export function documentView(row: DocumentRow & { clientName?: string }, now: Date): DocumentView {
  const typed = typedDocument(row);
  return typed.type === 'invoice'
    ? toDocumentView('invoice', typed, now)
    : toDocumentView('estimate', typed, now);
}
