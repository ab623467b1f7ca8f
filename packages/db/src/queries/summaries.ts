import { STATEMENT_STATUSES, type StoredStatus } from '@clientele/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { type DocumentType, documents } from '../schema';
import { expiredCondition, overdueCondition } from './documents';

export interface SummaryGroup {
  type: DocumentType;
  status: StoredStatus;
  currency: string;
  overdue: number;
  expired: number;
  count: number;
  total: number;
  paid: number;
  lastDocumentAt: number | null;
  lastPaymentAt: number | null;
}

/**
 * Everything the client 360° page needs in one indexed, grouped query: a handful of
 * rows (type × status × currency) whatever the number of documents.
 */
export async function clientSummaryGroups(db: Db, tenantId: string, clientId: string, today: string) {
  const overdue = overdueCondition(today);
  return db
    .select({
      type: documents.type,
      status: documents.status,
      currency: documents.currency,
      overdue: sql<number>`CASE WHEN ${overdue} THEN 1 ELSE 0 END`.as('overdue'),
      expired: sql<number>`CASE WHEN ${expiredCondition(today)} THEN 1 ELSE 0 END`.as('expired'),
      count: sql<number>`count(*)`,
      total: sql<number>`coalesce(sum(${documents.total}), 0)`,
      paid: sql<number>`coalesce(sum(${documents.amountPaid}), 0)`,
      lastDocumentAt: sql<number | null>`max(${documents.updatedAt})`,
      lastPaymentAt: sql<
        number | null
      >`(SELECT max(created_at) FROM payments WHERE tenant_id = ${tenantId} AND client_id = ${clientId})`,
    })
    .from(documents)
    .where(and(eq(documents.tenantId, tenantId), eq(documents.clientId, clientId)))
    .groupBy(sql`1, 2, 3, 4, 5`)
    .all() as Promise<SummaryGroup[]>;
}

/** Issued, non-void invoices of one client for a statement, oldest first (bounded). */
export async function statementInvoices(db: Db, tenantId: string, clientId: string, limit = 2000) {
  return db
    .select({
      number: documents.number,
      issueDate: documents.issueDate,
      dueDate: documents.dueDate,
      currency: documents.currency,
      status: documents.status,
      total: documents.total,
      amountPaid: documents.amountPaid,
      type: documents.type,
    })
    .from(documents)
    .where(
      and(
        eq(documents.tenantId, tenantId),
        eq(documents.clientId, clientId),
        eq(documents.type, 'invoice'),
        inArray(documents.status, STATEMENT_STATUSES),
      ),
    )
    .orderBy(documents.issueDate, documents.createdAt)
    .limit(limit)
    .all();
}
