import {
  type DocumentTotals,
  type EstimateViewStatus,
  INVOICE_TRANSITIONS,
  type InvoiceViewStatus,
  type IssuedInvoiceStatus,
  type LineInput,
  STATEMENT_STATUSES,
  type StoredStatus,
  statusesMovingTo,
} from '@clientele/core';
import { and, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import { newId } from '../ids';
import { decodeCursor, numberedPageOf, type Page, pageOf } from '../pagination';
import {
  clients,
  type DocumentRow,
  type DocumentSnapshot,
  type DocumentType,
  documents,
  numberSequences,
  payments,
} from '../schema';
import { InvalidCursorError, searchKey } from './clients';
import { PAYABLE_SQL, portalStatusRank } from './status-sql';

/** Statuses in which an invoice is still owed money. */

export interface DocumentFields {
  clientId: string;
  currency: string;
  language: string;
  issueDate: string;
  dueDate: string | null;
  validUntil: string | null;
  lines: LineInput[];
  discountPercent: number;
  notes: string | null;
  footer: string | null;
}

const e2 = (percent: number) => Math.round(percent * 100);

/** Stored columns from fields and their computed totals. */
function columns(f: Partial<DocumentFields>, t: DocumentTotals | undefined) {
  const { discountPercent, ...rest } = f;
  return {
    ...rest,
    ...(discountPercent !== undefined ? { discountPercent: e2(discountPercent) } : {}),
    ...(t
      ? { subtotal: t.subtotal, discountTotal: t.discountTotal, taxTotal: t.taxTotal, total: t.total }
      : {}),
  };
}

export function discountPercentOf(row: DocumentRow): number {
  return row.discountPercent / 100;
}

export async function createDocument(
  db: Db,
  tenantId: string,
  type: DocumentType,
  fields: DocumentFields,
  t: DocumentTotals,
  now = new Date(),
  extra: { sourceEstimateId?: string } = {},
): Promise<DocumentRow> {
  const row = await db
    .insert(documents)
    .values({
      id: newId(type === 'invoice' ? 'inv' : 'est'),
      tenantId,
      type,
      status: 'draft',
      ...fields,
      discountPercent: e2(fields.discountPercent),
      subtotal: t.subtotal,
      discountTotal: t.discountTotal,
      taxTotal: t.taxTotal,
      total: t.total,
      sourceEstimateId: extra.sourceEstimateId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  return row!;
}

export async function getDocument(db: Db, tenantId: string, type: DocumentType, id: string) {
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.tenantId, tenantId), eq(documents.type, type), eq(documents.id, id)))
    .get();
}

/** Only drafts change; returns undefined when the row is gone or no longer a draft. */
export async function updateDraft(
  db: Db,
  tenantId: string,
  type: DocumentType,
  id: string,
  fields: Partial<DocumentFields>,
  t: DocumentTotals | undefined,
  now = new Date(),
) {
  return db
    .update(documents)
    .set({ ...columns(fields, t), updatedAt: now })
    .where(
      and(
        eq(documents.tenantId, tenantId),
        eq(documents.type, type),
        eq(documents.id, id),
        eq(documents.status, 'draft'),
      ),
    )
    .returning()
    .get();
}

export async function deleteDraft(db: Db, tenantId: string, type: DocumentType, id: string) {
  const row = await db
    .delete(documents)
    .where(
      and(
        eq(documents.tenantId, tenantId),
        eq(documents.type, type),
        eq(documents.id, id),
        eq(documents.status, 'draft'),
      ),
    )
    .returning({ id: documents.id })
    .get();
  return row !== undefined;
}

/**
 * SQL for the next document number, e.g. `INV-{YYYY}-{seq:4}` → 'INV-2026-' || printf('%04d', seq).
 * The sequence is read inside the same batch that bumps it, so numbers are gapless.
 */
function numberExpression(format: string, issueDate: string, seq: SQL): SQL {
  const parts: SQL[] = [];
  const re = /\{(YYYY|YY|MM|seq(?::(\d))?)\}/g;
  let last = 0;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    if (m.index > last) parts.push(sql`${format.slice(last, m.index)}`);
    const token = m[1]!;
    if (token === 'YYYY') parts.push(sql`${issueDate.slice(0, 4)}`);
    else if (token === 'YY') parts.push(sql`${issueDate.slice(2, 4)}`);
    else if (token === 'MM') parts.push(sql`${issueDate.slice(5, 7)}`);
    else parts.push(sql`printf(${`%0${m[2] ?? '1'}d`}, ${seq})`);
    last = m.index + m[0].length;
  }
  if (last < format.length) parts.push(sql`${format.slice(last)}`);
  return sql.join(parts, sql` || `);
}

/** Numbers restart each year when the format shows the year. */
export function numberScope(type: DocumentType, format: string, issueDate: string): string {
  return /\{YY(YY)?\}/.test(format) ? `${type}:${issueDate.slice(0, 4)}` : type;
}

/**
 * Issues a draft: next number, frozen snapshot, status sent — in one batch, so a
 * failed or lost race leaves neither a number gap nor a half-issued document.
 */
export async function issueDocument(
  db: Db,
  tenantId: string,
  id: string,
  opts: { format: string; issueDate: string; snapshot: Omit<DocumentSnapshot, 'number'>; type: DocumentType },
  now = new Date(),
) {
  const scope = numberScope(opts.type, opts.format, opts.issueDate);
  const seq = sql`(SELECT value FROM number_sequences WHERE tenant_id = ${tenantId} AND scope = ${scope})`;
  const number = numberExpression(opts.format, opts.issueDate, seq);
  const stillDraft = sql`EXISTS (SELECT 1 FROM documents WHERE id = ${id} AND tenant_id = ${tenantId} AND status = 'draft')`;
  try {
    await issueBatch();
  } catch (err) {
    // The batch is one transaction: on a clash neither the sequence nor the document moved.
    if (/UNIQUE.*number/.test(String((err as Error)?.cause ?? err))) throw new NumberTakenError();
    throw err;
  }
  return getDocument(db, tenantId, opts.type, id);

  function issueBatch() {
    return db.batch([
      db
        .insert(numberSequences)
        .select(sql`SELECT ${tenantId}, ${scope}, 1 WHERE ${stillDraft}`)
        .onConflictDoUpdate({
          target: [numberSequences.tenantId, numberSequences.scope],
          set: { value: sql`${numberSequences.value} + 1` },
        }),
      db
        .update(documents)
        .set({
          number: sql`${number}`,
          snapshot: sql`json_set(${JSON.stringify(opts.snapshot)}, '$.number', ${number})`,
          status: 'sent',
          issueDate: opts.issueDate,
          sentAt: now,
          updatedAt: now,
        })
        .where(and(eq(documents.id, id), eq(documents.tenantId, tenantId), eq(documents.status, 'draft'))),
    ]);
  }
}

/**
 * Two number formats can print the same number (`X{seq}01`, later `X{seq}{YY}`); the
 * unique index refuses the second, and issuing reports it instead of failing.
 */
export class NumberTakenError extends Error {
  constructor() {
    super('document number already used');
  }
}

/** Recomputes amount paid and the payment-driven status from the payments table. */
function recomputeInvoice(db: Db, tenantId: string, invoiceId: string, now: Date) {
  const paid = sql`(SELECT COALESCE(SUM(amount), 0) FROM payments WHERE tenant_id = ${tenantId} AND invoice_id = ${invoiceId})`;
  return db
    .update(documents)
    .set({
      amountPaid: sql`${paid}`,
      status: sql`CASE
        WHEN ${documents.status} IN ('draft', 'void') THEN ${documents.status}
        WHEN ${paid} >= ${documents.total} THEN 'paid'
        WHEN ${paid} > 0 THEN 'partial'
        WHEN ${documents.viewedAt} IS NOT NULL THEN 'viewed'
        ELSE 'sent' END`,
      updatedAt: now,
    })
    .where(and(eq(documents.id, invoiceId), eq(documents.tenantId, tenantId)));
}

export interface PaymentInput {
  amount: number;
  date: string;
  method: string;
  reference: string | null;
  source: 'manual' | 'stripe';
}

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
) {
  const id = newId('pay');
  // Column order follows the payments table: drizzle lists every column for INSERT … SELECT.
  await db.batch([
    db.insert(payments).select(sql`
      SELECT ${id}, tenant_id, id, client_id, ${p.amount}, currency, ${p.date}, ${p.method}, ${p.reference}, ${p.source}, ${now.getTime()}
      FROM documents
      WHERE id = ${invoiceId} AND tenant_id = ${tenantId} AND type = 'invoice'
        AND status IN (${PAYABLE_SQL}) AND total - amount_paid >= ${p.amount}`),
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

/** Deletes a payment only through the invoice it paid; any other invoice id finds nothing. */
export async function deletePayment(
  db: Db,
  tenantId: string,
  invoiceId: string,
  id: string,
  now = new Date(),
) {
  const p = await getPayment(db, tenantId, id);
  if (!p || p.invoiceId !== invoiceId) return undefined;
  await db.batch([
    db
      .delete(payments)
      .where(and(eq(payments.tenantId, tenantId), eq(payments.invoiceId, invoiceId), eq(payments.id, id))),
    recomputeInvoice(db, tenantId, p.invoiceId, now),
  ]);
  return p;
}

export async function listPayments(
  db: Db,
  tenantId: string,
  filter: { invoiceId?: string; clientId?: string },
) {
  const where = [eq(payments.tenantId, tenantId)];
  if (filter.invoiceId) where.push(eq(payments.invoiceId, filter.invoiceId));
  if (filter.clientId) where.push(eq(payments.clientId, filter.clientId));
  return db
    .select()
    .from(payments)
    .where(and(...where))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(500)
    .all();
}

/** Void only an issued invoice nobody has paid: payments must be removed first. */
export async function voidInvoice(db: Db, tenantId: string, id: string, now = new Date()) {
  return db
    .update(documents)
    .set({ status: 'void', voidedAt: now, updatedAt: now })
    .where(
      and(
        eq(documents.tenantId, tenantId),
        eq(documents.type, 'invoice'),
        eq(documents.id, id),
        inArray(documents.status, statusesMovingTo(INVOICE_TRANSITIONS, 'void')),
        eq(documents.amountPaid, 0),
      ),
    )
    .returning()
    .get();
}

export async function decideEstimate(
  db: Db,
  tenantId: string,
  id: string,
  decision: 'accepted' | 'rejected',
  today: string,
  reason: string | null,
  now = new Date(),
) {
  return db
    .update(documents)
    .set({
      status: decision,
      decidedAt: now,
      updatedAt: now,
      rejectionReason: decision === 'rejected' ? reason : null,
    })
    .where(
      and(
        eq(documents.tenantId, tenantId),
        eq(documents.type, 'estimate'),
        eq(documents.id, id),
        eq(documents.status, 'sent'),
        or(sql`${documents.validUntil} IS NULL`, sql`${documents.validUntil} >= ${today}`),
      ),
    )
    .returning()
    .get();
}

/**
 * Copies an accepted estimate into a new draft invoice and links both ways, in one
 * batch guarded by `converted_invoice_id IS NULL`, so converting twice cannot happen.
 */
export async function convertEstimate(
  db: Db,
  tenantId: string,
  estimateId: string,
  invoice: { issueDate: string; dueDate: string | null },
  now = new Date(),
) {
  const est = await getDocument(db, tenantId, 'estimate', estimateId);
  if (est?.status !== 'accepted' || est.convertedInvoiceId) return undefined;
  const invoiceId = newId('inv');
  try {
    // The unique index on source_estimate_id makes a racing second conversion fail
    // the whole batch, so there is never an orphan invoice.
    await db.batch([
      db.insert(documents).values({
        id: invoiceId,
        tenantId,
        clientId: est.clientId,
        type: 'invoice',
        status: 'draft',
        currency: est.currency,
        language: est.language,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        lines: est.lines,
        discountPercent: est.discountPercent,
        notes: est.notes,
        footer: est.footer,
        subtotal: est.subtotal,
        discountTotal: est.discountTotal,
        taxTotal: est.taxTotal,
        total: est.total,
        sourceEstimateId: est.id,
        createdAt: now,
        updatedAt: now,
      }),
      db
        .update(documents)
        .set({ convertedInvoiceId: invoiceId, updatedAt: now })
        .where(
          and(
            eq(documents.id, estimateId),
            eq(documents.tenantId, tenantId),
            isNull(documents.convertedInvoiceId),
          ),
        ),
    ]);
  } catch (err) {
    if (String((err as Error)?.cause ?? err).includes('UNIQUE')) return undefined;
    throw err;
  }
  return getDocument(db, tenantId, 'invoice', invoiceId);
}

export interface ListDocumentsOptions {
  type: DocumentType;
  clientId?: string | undefined;
  /** A stored status, or the derived `overdue` / `expired`. */
  status?: InvoiceViewStatus | EstimateViewStatus | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
  today: string;
}

export function overdueCondition(today: string): SQL {
  return sql`(${documents.type} = 'invoice' AND ${documents.status} IN (${PAYABLE_SQL})
    AND ${documents.dueDate} < ${today} AND ${documents.total} > ${documents.amountPaid})`;
}

export function expiredCondition(today: string): SQL {
  return sql`(${documents.type} = 'estimate' AND ${documents.status} = 'sent' AND ${documents.validUntil} < ${today})`;
}

export async function listDocuments(
  db: Db,
  tenantId: string,
  opts: ListDocumentsOptions,
): Promise<Page<DocumentRow & { clientName: string }>> {
  const where: SQL[] = [eq(documents.tenantId, tenantId), eq(documents.type, opts.type)];
  if (opts.clientId) where.push(eq(documents.clientId, opts.clientId));
  if (opts.status === 'overdue') where.push(overdueCondition(opts.today));
  else if (opts.status === 'expired') where.push(expiredCondition(opts.today));
  else if (opts.status) where.push(eq(documents.status, opts.status));
  const q = opts.q?.trim();
  if (q) {
    where.push(
      sql`(instr(lower(coalesce(${documents.number}, '')), ${q.toLowerCase()}) > 0 OR instr(${clients.searchText}, ${searchKey(q)}) > 0)`,
    );
  }
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor);
    if (!c) throw new InvalidCursorError();
    const at = new Date(c.createdAt);
    where.push(or(lt(documents.createdAt, at), and(eq(documents.createdAt, at), lt(documents.id, c.id)))!);
  }
  const rows = await db
    .select({ doc: documents, clientName: clients.name })
    .from(documents)
    .innerJoin(clients, and(eq(clients.id, documents.clientId), eq(clients.tenantId, documents.tenantId)))
    .where(and(...where))
    .orderBy(desc(documents.createdAt), desc(documents.id))
    .limit(opts.limit + 1)
    .all();
  return pageOf(
    rows.map((r) => ({ ...r.doc, clientName: r.clientName })),
    opts.limit,
  );
}

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

/** The client's latest payments with the invoice each paid, newest first (portal statement). */
export async function recentClientPayments(db: Db, tenantId: string, clientId: string, limit = 5) {
  return db
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
    .where(and(eq(payments.tenantId, tenantId), eq(payments.clientId, clientId)))
    .orderBy(desc(payments.createdAt))
    .limit(limit)
    .all();
}
