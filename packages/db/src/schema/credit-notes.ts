import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clients } from './clients';
import { timestamp } from './columns';
import type { DocumentSnapshot } from './documents';
import { documents } from './documents';
import { tenants } from './tenants';

/** One line of a credit note: what is taken back, net, its tax and the gross amount. */
export interface CreditNoteLine {
  description: string;
  /** Which line of the invoice it credits (null for an amount spread over the tax rates). */
  invoiceLine: number | null;
  quantity: number | null;
  /** The invoice line's unit price (null for an amount spread over the tax rates). */
  unitPrice: number | null;
  /** Net of tax, minor units. */
  net: number;
  taxRate: number;
  tax: number;
  /** Net plus tax: what the client is credited. */
  amount: number;
}

/**
 * What a credit note prints, frozen when it is issued: the seller and the client as they were,
 * and the invoice it corrects (its number and date are printed on it).
 */
export interface CreditNoteSnapshot {
  number: string;
  language: string;
  currency: string;
  issueDate: string;
  seller: DocumentSnapshot['seller'];
  billTo: DocumentSnapshot['billTo'];
  invoice: { id: string; number: string; issueDate: string };
  reason: string;
  lines: CreditNoteLine[];
  subtotal: number;
  taxTotal: number;
  total: number;
}

/**
 * A credit note corrects an issued invoice. It is issued the moment it is made (number and
 * snapshot in the same batch as the invoice's new balance), so it never exists as a draft.
 * `toInvoice` is what it took off the invoice's amount due; `toCredit` what went to the
 * client's credit because the invoice had already been paid.
 */
export const creditNotes = sqliteTable(
  'credit_notes',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => documents.id),
    number: text('number').notNull(),
    currency: text('currency').notNull(),
    language: text('language').notNull(),
    issueDate: text('issue_date').notNull(),
    reason: text('reason').notNull(),
    lines: text('lines', { mode: 'json' }).$type<CreditNoteLine[]>().notNull(),
    subtotal: integer('subtotal').notNull(),
    taxTotal: integer('tax_total').notNull(),
    total: integer('total').notNull(),
    toInvoice: integer('to_invoice').notNull(),
    toCredit: integer('to_credit').notNull(),
    snapshot: text('snapshot', { mode: 'json' }).$type<CreditNoteSnapshot>().notNull(),
    sentAt: timestamp('sent_at'),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('credit_notes_number_idx').on(t.tenantId, t.number),
    index('credit_notes_client_idx').on(t.tenantId, t.clientId, t.createdAt, t.id),
    index('credit_notes_invoice_idx').on(t.tenantId, t.invoiceId),
  ],
);

export type CreditNoteRow = typeof creditNotes.$inferSelect;
