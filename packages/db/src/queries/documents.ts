import {
  type DocumentTotals,
  type EstimateViewStatus,
  INVOICE_TRANSITIONS,
  type InvoiceViewStatus,
  type LineInput,
  statusesMovingTo,
} from '@clientele/core';
import { and, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { decodeCursor, type Page, pageOf } from '../pagination';
import {
  clients,
  type DocumentRow,
  type DocumentSnapshot,
  type DocumentType,
  documents,
  numberSequences,
} from '../schema';
import { type Beside, NOTHING_BESIDE, writeBeside } from './beside';
import { InvalidCursorError, searchKey } from './clients';
import { NumberTakenError, numberExpression, numberScope } from './numbering';
import { PAYABLE_SQL } from './status-sql';

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
  beside: Beside = NOTHING_BESIDE,
): Promise<DocumentRow> {
  const id = newId(type === 'invoice' ? 'inv' : 'est');
  const insert = db
    .insert(documents)
    .values({
      id,
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
    .returning();
  const rows = await writeBeside(db, insert, beside(id));
  return rows[0]!;
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
  beside: Beside = NOTHING_BESIDE,
) {
  const update = db
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
    .returning();
  return (await writeBeside(db, update, beside(id)))[0];
}

export async function deleteDraft(
  db: Db,
  tenantId: string,
  type: DocumentType,
  id: string,
  beside: Beside = NOTHING_BESIDE,
) {
  const remove = db
    .delete(documents)
    .where(
      and(
        eq(documents.tenantId, tenantId),
        eq(documents.type, type),
        eq(documents.id, id),
        eq(documents.status, 'draft'),
      ),
    )
    .returning({ id: documents.id });
  return (await writeBeside(db, remove, beside(id))).length > 0;
}

/** An audit detail naming the number a document was given, read inside the batch that issues it. */
export function issuedNumberDetail(tenantId: string, id: string) {
  return sql`json_object('number', (SELECT number FROM documents WHERE id = ${id} AND tenant_id = ${tenantId}))`;
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
  beside: Beside = NOTHING_BESIDE,
) {
  const scope = numberScope(opts.type, opts.format, opts.issueDate);
  const seq = sql`(SELECT value FROM number_sequences WHERE tenant_id = ${tenantId} AND scope = ${scope})`;
  const number = numberExpression(opts.format, opts.issueDate, seq);
  const stillDraft = sql`EXISTS (SELECT 1 FROM documents WHERE id = ${id} AND tenant_id = ${tenantId} AND status = 'draft')`;
  let issuedNow = false;
  try {
    const [, updated] = await issueBatch();
    issuedNow = updated.length > 0;
  } catch (err) {
    // The batch is one transaction: on a clash neither the sequence nor the document moved.
    if (/UNIQUE.*number/.test(String((err as Error)?.cause ?? err))) throw new NumberTakenError();
    throw err;
  }
  const row = await getDocument(db, tenantId, opts.type, id);
  // `issuedNow` is false when another request issued it first (it was no longer a draft).
  return row && { row, issuedNow };

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
        .where(and(eq(documents.id, id), eq(documents.tenantId, tenantId), eq(documents.status, 'draft')))
        .returning({ id: documents.id }),
      ...beside(id),
    ]);
  }
}

/** Recomputes amount paid and the payment-driven status from the payments table. */
export function recomputeInvoice(db: Db, tenantId: string, invoiceId: string, now: Date) {
  // Refunds give the balance back: a refunded payment counts only for what was kept; so does
  // a dispute while Stripe holds the money (`owed`).
  const paid = sql`MAX(0, (SELECT COALESCE(SUM(amount - refunded), 0) FROM payments WHERE tenant_id = ${tenantId} AND invoice_id = ${invoiceId})
    - (SELECT COALESCE(SUM(amount), 0) FROM stripe_disputes WHERE tenant_id = ${tenantId} AND invoice_id = ${invoiceId} AND owed = 1))`;
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

/** Void only an issued invoice nobody has paid: payments must be removed first. */
export async function voidInvoice(
  db: Db,
  tenantId: string,
  id: string,
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
) {
  const update = db
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
    .returning();
  return (await writeBeside(db, update, beside(id)))[0];
}

export async function decideEstimate(
  db: Db,
  tenantId: string,
  id: string,
  decision: 'accepted' | 'rejected',
  today: string,
  reason: string | null,
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
) {
  const update = db
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
    .returning();
  return (await writeBeside(db, update, beside(id)))[0];
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
  beside: Beside = NOTHING_BESIDE,
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
      ...beside(invoiceId),
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
