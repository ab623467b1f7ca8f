import { and, eq, gte, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { clientCredits, documents, payments } from '../schema';
import { PAYABLE_SQL } from './status-sql';

export interface ReceivableRow {
  currency: string;
  outstanding: number;
  overdue: number;
  current: number;
  days1to30: number;
  days31to60: number;
  days61to90: number;
  days90plus: number;
}

/**
 * What clients owe, per currency (never summed across currencies), with the overdue part
 * aged by days past the due date: current, 1–30, 31–60, 61–90, 90+.
 */
export async function receivablesByCurrency(
  db: Db,
  tenantId: string,
  today: string,
): Promise<ReceivableRow[]> {
  const open = sql`(${documents.total} - ${documents.amountPaid})`;
  const late = sql`CAST(julianday(${today}) - julianday(${documents.dueDate}) AS INTEGER)`;
  const bucket = (from: number, to: number | null) =>
    sql<number>`coalesce(sum(CASE WHEN ${documents.dueDate} IS NOT NULL AND ${late} >= ${from}${
      to === null ? sql`` : sql` AND ${late} <= ${to}`
    } THEN ${open} ELSE 0 END), 0)`;
  return db
    .select({
      currency: documents.currency,
      outstanding: sql<number>`coalesce(sum(${open}), 0)`,
      overdue: bucket(1, null),
      current: sql<number>`coalesce(sum(CASE WHEN ${documents.dueDate} IS NULL OR ${documents.dueDate} >= ${today} THEN ${open} ELSE 0 END), 0)`,
      days1to30: bucket(1, 30),
      days31to60: bucket(31, 60),
      days61to90: bucket(61, 90),
      days90plus: bucket(91, null),
    })
    .from(documents)
    .where(
      and(
        eq(documents.tenantId, tenantId),
        eq(documents.type, 'invoice'),
        sql`${documents.status} IN (${PAYABLE_SQL})`,
        sql`${documents.total} > ${documents.amountPaid}`,
      ),
    )
    .groupBy(documents.currency)
    .orderBy(documents.currency)
    .all();
}

/** Issued invoices per month and currency since `from` (YYYY-MM-DD), by issue date. */
export async function invoicedByMonth(db: Db, tenantId: string, from: string) {
  const month = sql<string>`substr(${documents.issueDate}, 1, 7)`;
  return db
    .select({
      month,
      currency: documents.currency,
      amount: sql<number>`coalesce(sum(${documents.total}), 0)`,
    })
    .from(documents)
    .where(
      and(
        eq(documents.tenantId, tenantId),
        eq(documents.type, 'invoice'),
        sql`${documents.status} NOT IN ('draft', 'void')`,
        gte(documents.issueDate, from),
      ),
    )
    .groupBy(month, documents.currency)
    .all();
}

/** Money received per month and currency since `from`, refunds taken off. */
export async function paidByMonth(db: Db, tenantId: string, from: string) {
  const month = sql<string>`substr(${payments.date}, 1, 7)`;
  return (
    db
      .select({
        month,
        currency: payments.currency,
        amount: sql<number>`coalesce(sum(${payments.amount} - ${payments.refunded}), 0)`,
      })
      .from(payments)
      // A credit note taking an amount off an invoice is no money received, and neither is
      // credit used on one: that money was counted when it was received.
      .where(
        and(
          eq(payments.tenantId, tenantId),
          gte(payments.date, from),
          notInArray(payments.source, ['credit_note', 'credit']),
        ),
      )
      .groupBy(month, payments.currency)
      .all()
  );
}

/** What the business holds as its clients' credit, per currency (only currencies with some). */
export async function clientCreditByCurrency(db: Db, tenantId: string) {
  return db
    .select({
      currency: clientCredits.currency,
      amount: sql<number>`coalesce(sum(${clientCredits.amount}), 0)`,
    })
    .from(clientCredits)
    .where(and(eq(clientCredits.tenantId, tenantId), eq(clientCredits.state, 'open')))
    .groupBy(clientCredits.currency)
    .having(sql`sum(${clientCredits.amount}) <> 0`)
    .orderBy(clientCredits.currency)
    .all();
}
