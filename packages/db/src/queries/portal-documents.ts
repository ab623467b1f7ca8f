import type { IssuedInvoiceStatus } from '@clientele/core';
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import { numberedPageOf } from '../pagination';
import { type DocumentType, documents } from '../schema';
import { overdueCondition } from './documents';
import { portalStatusRank } from './status-sql';

export interface PortalInvoiceQuery {
  sort: 'date' | 'status';
  order: 'asc' | 'desc';
  status?: IssuedInvoiceStatus | 'overdue' | undefined;
  page: number;
  pageSize: number;
  today: string;
}

/**
 * One client's issued invoices for the portal (never drafts), sorted by issue date or
 * by status in the order a client reads them: overdue, open, viewed, partly paid, paid, void.
 */
export async function portalInvoices(db: Db, tenantId: string, clientId: string, q: PortalInvoiceQuery) {
  const where: SQL[] = [issuedTo(tenantId, clientId, 'invoice')];
  if (q.status === 'overdue') where.push(overdueCondition(q.today));
  else if (q.status) where.push(eq(documents.status, q.status));
  // Overdue is derived, not stored, but a client looks for it first.
  const rank = portalStatusRank(overdueCondition(q.today));
  const dir = (x: SQL | SQLiteColumn) => (q.order === 'asc' ? sql`${x} ASC` : sql`${x} DESC`);
  const order =
    q.sort === 'status'
      ? [dir(rank), sql`${documents.issueDate} DESC`]
      : [dir(documents.issueDate), dir(documents.number)];
  // Only what a list row shows: no lines or snapshot JSON to read and parse.
  const rows = await db
    .select({
      id: documents.id,
      type: documents.type,
      number: documents.number,
      status: documents.status,
      currency: documents.currency,
      issueDate: documents.issueDate,
      dueDate: documents.dueDate,
      total: documents.total,
      amountPaid: documents.amountPaid,
      dispute: documents.dispute,
    })
    .from(documents)
    .where(and(...where))
    .orderBy(...order)
    .limit(q.pageSize + 1)
    .offset((q.page - 1) * q.pageSize)
    .all();
  return numberedPageOf(rows, q.pageSize);
}

/** The portal's only view of documents: one client's, of one type, never drafts. */
function issuedTo(tenantId: string, clientId: string, type: DocumentType): SQL {
  return and(
    eq(documents.tenantId, tenantId),
    eq(documents.clientId, clientId),
    eq(documents.type, type),
    sql`${documents.status} <> 'draft'`,
  )!;
}

/** One issued document of one client (never a draft): the portal reads nothing wider. */
export async function portalDocument(
  db: Db,
  tenantId: string,
  clientId: string,
  type: DocumentType,
  id: string,
) {
  return db
    .select()
    .from(documents)
    .where(and(issuedTo(tenantId, clientId, type), eq(documents.id, id)))
    .get();
}

/**
 * The client's issued invoices among `ids`, in one query whatever the count: the ids
 * travel as one JSON parameter (D1 binds at most 100 parameters).
 */
export async function portalInvoicesByIds(db: Db, tenantId: string, clientId: string, ids: string[]) {
  return db
    .select()
    .from(documents)
    .where(
      and(
        issuedTo(tenantId, clientId, 'invoice'),
        sql`${documents.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
      ),
    )
    .all();
}

/**
 * First view by the client: stamps `viewed_at` and moves `sent` to `viewed`, once. The
 * guard on `viewed_at` makes a second view (or a race of two) change nothing.
 */
export async function markViewed(db: Db, tenantId: string, clientId: string, id: string, now = new Date()) {
  return db
    .update(documents)
    .set({
      viewedAt: now,
      status: sql`CASE WHEN ${documents.status} = 'sent' AND ${documents.type} = 'invoice' THEN 'viewed' ELSE ${documents.status} END`,
      updatedAt: now,
    })
    .where(
      and(
        eq(documents.tenantId, tenantId),
        eq(documents.clientId, clientId),
        eq(documents.id, id),
        isNull(documents.viewedAt),
        sql`${documents.status} <> 'draft'`,
      ),
    )
    .returning()
    .get();
}

/** One client's issued estimates, newest first. */
export async function portalEstimates(
  db: Db,
  tenantId: string,
  clientId: string,
  page: number,
  pageSize: number,
) {
  const rows = await db
    .select()
    .from(documents)
    .where(and(issuedTo(tenantId, clientId, 'estimate')))
    .orderBy(desc(documents.issueDate), desc(documents.number))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize)
    .all();
  return numberedPageOf(rows, pageSize);
}
