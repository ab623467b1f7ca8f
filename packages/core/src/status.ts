/**
 * The document status model, written once. Stored statuses are what the database keeps;
 * `overdue` (invoices) and `expired` (estimates) are derived from dates at read time.
 * Adding a status here is one edit: the column enum, the API's zod enums, the portal and
 * the PDF labels are typed from these lists, so the compiler lists every place to update.
 */

export const DOCUMENT_TYPES = ['invoice', 'estimate'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const INVOICE_STATUSES = ['draft', 'sent', 'viewed', 'partial', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const ESTIMATE_STATUSES = ['draft', 'sent', 'accepted', 'rejected'] as const;
export type EstimateStatus = (typeof ESTIMATE_STATUSES)[number];

/** Every value the `status` column can hold. */
export const STORED_STATUSES = [...INVOICE_STATUSES, 'accepted', 'rejected'] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];
// Both lists must fit the column; a status added to one list and not here fails to compile.
ESTIMATE_STATUSES satisfies readonly StoredStatus[];

/** What readers see: the stored status, or the derived one. */
export const INVOICE_VIEW_STATUSES = [...INVOICE_STATUSES, 'overdue'] as const;
export type InvoiceViewStatus = (typeof INVOICE_VIEW_STATUSES)[number];
export const ESTIMATE_VIEW_STATUSES = [...ESTIMATE_STATUSES, 'expired'] as const;
export type EstimateViewStatus = (typeof ESTIMATE_VIEW_STATUSES)[number];

/** Issued and still owing money: payments may be recorded, reminders sent, "Pay now" offered. */
export const PAYABLE_STATUSES = ['sent', 'viewed', 'partial'] as const satisfies readonly InvoiceStatus[];
export type PayableStatus = (typeof PAYABLE_STATUSES)[number];

/** Issued invoices as a client sees them in the portal (drafts never leave the business). */
export const ISSUED_INVOICE_STATUSES = [
  'sent',
  'viewed',
  'partial',
  'paid',
  'void',
] as const satisfies readonly InvoiceStatus[];
export type IssuedInvoiceStatus = (typeof ISSUED_INVOICE_STATUSES)[number];

/** Issued and not void: what a statement lists. */
export const STATEMENT_STATUSES = [
  'sent',
  'viewed',
  'partial',
  'paid',
] as const satisfies readonly IssuedInvoiceStatus[];
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

export function isInvoiceStatus(status: string): status is InvoiceStatus {
  return (INVOICE_STATUSES as readonly string[]).includes(status);
}

export function isEstimateStatus(status: string): status is EstimateStatus {
  return (ESTIMATE_STATUSES as readonly string[]).includes(status);
}

export function isPayable(status: string): status is PayableStatus {
  return (PAYABLE_STATUSES as readonly string[]).includes(status);
}

/**
 * Moves a person (or the system) may make. Payments move sent/viewed/partial/paid among
 * themselves by amount (see `statusForPayments`), which is why paid can go back.
 */
export const INVOICE_TRANSITIONS: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  draft: ['sent'],
  sent: ['viewed', 'partial', 'paid', 'void'],
  viewed: ['partial', 'paid', 'void'],
  // Void needs every payment removed first, so a part-paid invoice cannot be voided.
  partial: ['paid', 'sent', 'viewed'],
  paid: ['partial', 'sent', 'viewed'],
  void: [],
};

export const ESTIMATE_TRANSITIONS: Record<EstimateStatus, readonly EstimateStatus[]> = {
  draft: ['sent'],
  sent: ['accepted', 'rejected'],
  accepted: [],
  rejected: [],
};

export function canMove<S extends InvoiceStatus | EstimateStatus>(
  transitions: Record<S, readonly S[]>,
  from: S,
  to: S,
): boolean {
  return transitions[from].includes(to);
}

/** The statuses from which `to` may be reached. */
export function statusesMovingTo<S extends string>(transitions: Record<S, readonly S[]>, to: S): S[] {
  return (Object.keys(transitions) as S[]).filter((from) => transitions[from].includes(to));
}

/** Status an issued invoice has after its payments add up to `paid` of `total`. */
export function statusForPayments(total: number, paid: number, viewed: boolean): PayableStatus | 'paid' {
  if (paid >= total) return 'paid';
  if (paid > 0) return 'partial';
  return viewed ? 'viewed' : 'sent';
}

/** Past its due date with money still owed. Dates are ISO `YYYY-MM-DD`, compared as text. */
export function isOverdue(
  doc: { type: DocumentType; status: string; dueDate: string | null; total: number; amountPaid: number },
  today: string,
): boolean {
  return (
    doc.type === 'invoice' &&
    isPayable(doc.status) &&
    doc.dueDate !== null &&
    doc.dueDate < today &&
    doc.total > doc.amountPaid
  );
}

/** A sent estimate past its validity date. */
export function isExpired(
  doc: { type: DocumentType; status: string; validUntil: string | null },
  today: string,
): boolean {
  return (
    doc.type === 'estimate' && doc.status === 'sent' && doc.validUntil !== null && doc.validUntil < today
  );
}

/**
 * The portal's "by status" order: what needs the client's attention first (overdue, then
 * open, then part-paid), settled ones last.
 */
export const PORTAL_STATUS_ORDER = ['overdue', 'sent', 'viewed', 'partial', 'paid', 'void'] as const;
