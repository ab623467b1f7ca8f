import { and, desc, eq, ne, notExists, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { clientCredits, documents, payments } from '../schema';
import { type Beside, NOTHING_BESIDE } from './beside';
import { balanceSql } from './credit-notes';
import { recomputeInvoice } from './documents';
import { PAYABLE_SQL } from './status-sql';

export interface PaymentInput {
  amount: number;
  date: string;
  method: string;
  reference: string | null;
  source: PaymentSource;
  /** Paid beyond the amount due and kept, as the business chose, as the client's credit. */
  excessToCredit?: number;
}

/**
 * Where the money came from: recorded by hand, paid through Stripe, the client's credit used
 * (`credit`), or a credit note taking the amount off (`credit_note`).
 */
export const PAYMENT_SOURCES = ['manual', 'stripe', 'credit', 'credit_note'] as const;
export type PaymentSource = (typeof PAYMENT_SOURCES)[number];

/**
 * Writes the payment and the invoice's new balance and status together. The insert
 * re-checks the balance inside the batch, so two racing payments cannot overpay.
 * Returns undefined when the invoice could not take the payment.
 */
export async function recordPayment(
  db: Db,
  tenantId: string,
  invoiceId: string,
  p: PaymentInput,
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
) {
  const id = newId('pay');
  // Column order follows the payments table: drizzle lists every column for INSERT … SELECT.
  await db.batch([
    db.insert(payments).select(sql`
      SELECT ${id}, tenant_id, id, client_id, ${p.amount}, currency, ${p.date}, ${p.method}, ${p.reference}, ${p.source}, NULL, 0, ${now.getTime()}
      FROM documents
      WHERE id = ${invoiceId} AND tenant_id = ${tenantId} AND type = 'invoice'
        AND status IN (${PAYABLE_SQL}) AND total - amount_paid >= ${p.amount}`),
    // Right after the payment's insert: its audit line is written only when that changed a row
    // (the credit insert below changes none without an overpayment).
    ...beside(id),
    // Column order follows the client_credits table; only when the payment above was written.
    db.insert(clientCredits).select(sql`
      SELECT ${newId('crd')}, tenant_id, client_id, invoice_id, ${p.excessToCredit ?? 0}, currency, NULL, NULL, 'open', NULL, ${now.getTime()}, NULL, 'overpayment', NULL, id, ${p.reference}
      FROM payments WHERE id = ${id} AND tenant_id = ${tenantId} AND ${p.excessToCredit ?? 0} > 0`),
    recomputeInvoice(db, tenantId, invoiceId, now),
  ]);
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.tenantId, tenantId), eq(payments.id, id)))
    .get();
}

export async function getPayment(db: Db, tenantId: string, id: string) {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.tenantId, tenantId), eq(payments.id, id)))
    .get();
}

/**
 * Deletes a payment only through the invoice it paid; any other invoice id finds nothing.
 * A saved overpayment's credit line goes with it, and both stay when that credit has been
 * used meanwhile (checked inside the batch, so a use of credit at the same moment cannot
 * leave the balance overdrawn): then `deleted` is false.
 */
export async function deletePayment(
  db: Db,
  tenantId: string,
  invoiceId: string,
  id: string,
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
) {
  const p = await getPayment(db, tenantId, id);
  if (!p || p.invoiceId !== invoiceId) return undefined;
  const saved = and(
    eq(clientCredits.tenantId, tenantId),
    eq(clientCredits.paymentId, id),
    eq(clientCredits.source, 'overpayment'),
  );
  await db.batch([
    // A saved overpayment goes with its payment: the credit it made was never real without it.
    db
      .delete(clientCredits)
      .where(and(saved, sql`${balanceSql(tenantId, p.clientId, p.currency)} >= ${clientCredits.amount}`)),
    db
      .delete(payments)
      .where(
        and(
          eq(payments.tenantId, tenantId),
          eq(payments.invoiceId, invoiceId),
          eq(payments.id, id),
          notExists(db.select({ id: clientCredits.id }).from(clientCredits).where(saved)),
        ),
      ),
    ...beside(id),
    recomputeInvoice(db, tenantId, p.invoiceId, now),
  ]);
  return { payment: p, deleted: !(await getPayment(db, tenantId, id)) };
}

export async function listPayments(
  db: Db,
  tenantId: string,
  filter: { invoiceId?: string; clientId?: string; limit?: number },
) {
  const where = [eq(payments.tenantId, tenantId)];
  if (filter.invoiceId) where.push(eq(payments.invoiceId, filter.invoiceId));
  if (filter.clientId) where.push(eq(payments.clientId, filter.clientId));
  return db
    .select()
    .from(payments)
    .where(and(...where))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(filter.limit ?? 500)
    .all();
}

/** The client's latest payments with the invoice each paid, newest first (portal statement). */
export async function recentClientPayments(db: Db, tenantId: string, clientId: string, limit = 5) {
  return (
    db
      .select({
        id: payments.id,
        amount: payments.amount,
        currency: payments.currency,
        date: payments.date,
        invoiceId: payments.invoiceId,
        invoiceNumber: documents.number,
      })
      .from(payments)
      .innerJoin(
        documents,
        and(eq(documents.tenantId, payments.tenantId), eq(documents.id, payments.invoiceId)),
      )
      // A credit note taking an amount off is shown as the credit note, not as money paid.
      .where(
        and(
          eq(payments.tenantId, tenantId),
          eq(payments.clientId, clientId),
          ne(payments.source, 'credit_note'),
        ),
      )
      .orderBy(desc(payments.createdAt))
      .limit(limit)
      .all()
  );
}
