import {
  DOCUMENT_TYPES,
  type DocumentTotals,
  type DocumentType,
  type EstimateStatus,
  type InvoiceStatus,
  type LineInput,
  STORED_STATUSES,
} from '@clientele/core';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clients } from './clients';
import { timestamp } from './columns';
import { tenants } from './tenants';

export type { DocumentType, EstimateStatus, InvoiceStatus } from '@clientele/core';

/** What was billed, frozen when the document is issued; later edits never touch it. */
export interface DocumentSnapshot {
  number: string;
  type: DocumentType;
  language: string;
  currency: string;
  issueDate: string;
  dueDate: string | null;
  validUntil: string | null;
  seller: {
    name: string;
    email: string | null;
    phone: string | null;
    address: Record<'street' | 'city' | 'state' | 'postalCode' | 'country', string | null>;
    taxId: string | null;
    /** R2 key of the logo as it was when issued (logo objects are content-addressed, never overwritten). */
    logoKey?: string | null;
    /** How to pay, as the business wrote it when the document was issued. */
    paymentInstructions?: string | null;
  };
  billTo: {
    name: string;
    company: string | null;
    email: string | null;
    billingAddress: Record<'street' | 'city' | 'state' | 'postalCode' | 'country', string | null>;
    taxId: string | null;
  };
  totals: DocumentTotals;
  discountPercent: number;
  notes: string | null;
  footer: string | null;
}

/** A dispute as an invoice shows it: amount in the invoice's minor units, Stripe's status and reason. */
export interface InvoiceDispute {
  amount: number;
  currency: string;
  status: string;
  reason: string;
}

/**
 * Invoices and estimates share one table: same editor, numbering and history, and
 * the client 360° page aggregates both with one indexed scan.
 * Lines are stored as JSON on the row, so a document and its lines change atomically.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    type: text('type', { enum: DOCUMENT_TYPES }).notNull(),
    status: text('status', { enum: STORED_STATUSES }).notNull(),
    number: text('number'),
    currency: text('currency').notNull(),
    language: text('language').notNull(),
    /** Calendar dates as ISO `YYYY-MM-DD` text: they sort and compare as strings. */
    issueDate: text('issue_date').notNull(),
    dueDate: text('due_date'),
    validUntil: text('valid_until'),
    lines: text('lines', { mode: 'json' }).$type<LineInput[]>().notNull(),
    discountPercent: integer('discount_percent_e2').notNull().default(0),
    notes: text('notes'),
    footer: text('footer'),
    subtotal: integer('subtotal').notNull(),
    discountTotal: integer('discount_total').notNull(),
    taxTotal: integer('tax_total').notNull(),
    total: integer('total').notNull(),
    amountPaid: integer('amount_paid').notNull().default(0),
    snapshot: text('snapshot', { mode: 'json' }).$type<DocumentSnapshot>(),
    /**
     * The latest open or lost Stripe dispute on one of the invoice's payments, kept on the row
     * (in the batch that records the dispute) so every read and list shows it without a join.
     */
    dispute: text('dispute', { mode: 'json' }).$type<InvoiceDispute>(),
    sourceEstimateId: text('source_estimate_id'),
    convertedInvoiceId: text('converted_invoice_id'),
    rejectionReason: text('rejection_reason'),
    sentAt: timestamp('sent_at'),
    viewedAt: timestamp('viewed_at'),
    decidedAt: timestamp('decided_at'),
    voidedAt: timestamp('voided_at'),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    // Covers every column the client 360° aggregate reads, so it never touches the table rows.
    index('documents_client_summary_idx').on(
      t.tenantId,
      t.clientId,
      t.type,
      t.status,
      t.currency,
      t.dueDate,
      t.validUntil,
      t.total,
      t.amountPaid,
      t.updatedAt,
    ),
    index('documents_list_idx').on(t.tenantId, t.type, t.createdAt, t.id),
    index('documents_client_created_idx').on(t.tenantId, t.clientId, t.createdAt, t.id),
    // The client portal's invoice list, newest issued first, without sorting the whole history.
    index('documents_client_issued_idx').on(t.tenantId, t.clientId, t.type, t.issueDate, t.number),
    uniqueIndex('documents_number_idx').on(t.tenantId, t.type, t.number),
    uniqueIndex('documents_source_estimate_idx').on(t.sourceEstimateId),
  ],
);

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => documents.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    date: text('date').notNull(),
    method: text('method').notNull(),
    reference: text('reference'),
    /** `manual`, `stripe`, `credit` (the client's credit used) or `credit_note` (taken off by one). */
    source: text('source', { enum: ['manual', 'stripe', 'credit', 'credit_note'] }).notNull(),
    /** The Checkout Session a Stripe payment came from: one payment per session, ever. */
    externalId: text('external_id'),
    /** Refunded so far (minor units); the invoice counts `amount - refunded` as paid. */
    refunded: integer('refunded').notNull().default(0),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [
    index('payments_invoice_idx').on(t.tenantId, t.invoiceId),
    uniqueIndex('payments_external_idx').on(t.tenantId, t.externalId),
    index('payments_client_idx').on(t.tenantId, t.clientId, t.createdAt),
  ],
);

/** Next number per tenant and scope (`invoice:2026`); bumped in the same batch that issues. */
export const numberSequences = sqliteTable(
  'number_sequences',
  {
    tenantId: text('tenant_id').notNull(),
    scope: text('scope').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.scope] })],
);

export type DocumentRow = typeof documents.$inferSelect;
/**
 * A stored row as one of the two kinds, its status narrowed by the status model: an
 * estimate's row can never carry an invoice status or be read as an invoice.
 */
export type InvoiceRow = DocumentRow & { type: 'invoice'; status: InvoiceStatus };
export type EstimateRow = DocumentRow & { type: 'estimate'; status: EstimateStatus };
export interface DocumentRows {
  invoice: InvoiceRow;
  estimate: EstimateRow;
}
export type TypedDocumentRow = InvoiceRow | EstimateRow;
export type PaymentRow = typeof payments.$inferSelect;
