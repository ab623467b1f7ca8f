import { and, desc, eq, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { decodeCursor, type Page, pageOf } from '../pagination';
import {
  type CreditNoteLine,
  type CreditNoteRow,
  type CreditNoteSnapshot,
  clientCredits,
  creditNotes,
  numberSequences,
  payments,
} from '../schema';
import { type Beside, NOTHING_BESIDE } from './beside';
import { InvalidCursorError } from './clients';
import { recomputeInvoice } from './documents';
import { NumberTakenError, numberExpression, numberScope } from './numbering';
import { PAYABLE_SQL } from './status-sql';

export interface CreditNoteFacts {
  invoiceId: string;
  issueDate: string;
  reason: string;
  lines: CreditNoteLine[];
  subtotal: number;
  taxTotal: number;
  total: number;
  snapshot: Omit<CreditNoteSnapshot, 'number'>;
  format: string;
}

/** What an invoice can still be credited: its total less every credit note issued against it. */
function creditableSql(tenantId: string, invoiceId: string): SQL {
  return sql`(SELECT d.total - COALESCE((SELECT SUM(n.total) FROM credit_notes n WHERE n.tenant_id = ${tenantId} AND n.invoice_id = ${invoiceId}), 0)
    FROM documents d WHERE d.id = ${invoiceId} AND d.tenant_id = ${tenantId} AND d.type = 'invoice'
      AND d.status IN (${PAYABLE_SQL}, 'paid'))`;
}

/** The credit a client holds in one currency: the sum of the open lines of its ledger. */
export function balanceSql(tenantId: string, clientId: SQL | string, currency: SQL | string): SQL {
  return sql`(SELECT COALESCE(SUM(c.amount), 0) FROM client_credits c WHERE c.tenant_id = ${tenantId}
    AND c.client_id = ${clientId} AND c.currency = ${currency} AND c.state = 'open')`;
}

export async function creditableOn(db: Db, tenantId: string, invoiceId: string): Promise<number> {
  const row = await db.get<{ left: number | null }>(
    sql`SELECT ${creditableSql(tenantId, invoiceId)} AS "left"`,
  );
  return Math.max(0, Number(row?.left ?? 0));
}

/** What credit notes of an invoice moved to the client's credit (money it had already been paid). */
export async function movedToCreditOn(db: Db, tenantId: string, invoiceId: string): Promise<number> {
  const row = await db
    .select({ moved: sql<number>`COALESCE(SUM(${creditNotes.toCredit}), 0)` })
    .from(creditNotes)
    .where(and(eq(creditNotes.tenantId, tenantId), eq(creditNotes.invoiceId, invoiceId)))
    .get();
  return Number(row?.moved ?? 0);
}

/** The invoice lines that earlier credit notes of the invoice took back whole. */
export async function creditedLinesOn(db: Db, tenantId: string, invoiceId: string): Promise<Set<number>> {
  const rows = await db
    .select({ lines: creditNotes.lines })
    .from(creditNotes)
    .where(and(eq(creditNotes.tenantId, tenantId), eq(creditNotes.invoiceId, invoiceId)))
    .all();
  return new Set(
    rows.flatMap((r) => r.lines.flatMap((l) => (l.invoiceLine === null ? [] : [l.invoiceLine]))),
  );
}

/**
 * Issues a credit note in one batch: the next number, the note with its frozen snapshot, what
 * it takes off the invoice's amount due (as a `credit_note` payment, so every balance, status
 * and reminder reads it like any settlement), the rest to the client's credit, the invoice's
 * new balance and the audit line. The note is written only while the invoice can still be
 * credited that much, so two notes at once can never credit more than the invoice's total.
 * Undefined when it could not be issued (the invoice changed meanwhile).
 */
export async function issueCreditNote(
  db: Db,
  tenantId: string,
  f: CreditNoteFacts,
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
): Promise<CreditNoteRow | undefined> {
  const id = newId('crn');
  const scope = numberScope('credit_note', f.format, f.issueDate);
  const seq = sql`(SELECT value FROM number_sequences WHERE tenant_id = ${tenantId} AND scope = ${scope})`;
  const number = numberExpression(f.format, f.issueDate, seq);
  const fits = sql`${creditableSql(tenantId, f.invoiceId)} >= ${f.total}`;
  const ms = now.getTime();
  try {
    await db.batch([
      db
        .insert(numberSequences)
        .select(sql`SELECT ${tenantId}, ${scope}, 1 WHERE ${fits}`)
        .onConflictDoUpdate({
          target: [numberSequences.tenantId, numberSequences.scope],
          set: { value: sql`${numberSequences.value} + 1` },
        }),
      // Column order follows the credit_notes table (INSERT … SELECT lists every column).
      db.insert(creditNotes).select(sql`
        SELECT ${id}, tenant_id, client_id, id, ${number}, currency, language, ${f.issueDate}, ${f.reason},
          ${JSON.stringify(f.lines)}, ${f.subtotal}, ${f.taxTotal}, ${f.total},
          MAX(0, MIN(${f.total}, total - amount_paid)), ${f.total} - MAX(0, MIN(${f.total}, total - amount_paid)),
          json_set(${JSON.stringify(f.snapshot)}, '$.number', ${number}), NULL, ${ms}
        FROM documents WHERE id = ${f.invoiceId} AND tenant_id = ${tenantId} AND type = 'invoice' AND ${fits}`),
      db.insert(payments).select(sql`
        SELECT ${newId('pay')}, tenant_id, invoice_id, client_id, to_invoice, currency, issue_date, 'credit_note', number, 'credit_note', NULL, 0, ${ms}
        FROM credit_notes WHERE id = ${id} AND tenant_id = ${tenantId} AND to_invoice > 0`),
      db.insert(clientCredits).select(sql`
        SELECT ${newId('crd')}, tenant_id, client_id, invoice_id, to_credit, currency, NULL, NULL, 'open', NULL, ${ms}, NULL, 'credit_note', id, NULL, number
        FROM credit_notes WHERE id = ${id} AND tenant_id = ${tenantId} AND to_credit > 0`),
      ...beside(id),
      recomputeInvoice(db, tenantId, f.invoiceId, now),
    ]);
  } catch (err) {
    if (/UNIQUE.*number/.test(String((err as Error)?.cause ?? err))) throw new NumberTakenError();
    throw err;
  }
  return getCreditNote(db, tenantId, id);
}

export async function getCreditNote(db: Db, tenantId: string, id: string) {
  return db
    .select()
    .from(creditNotes)
    .where(and(eq(creditNotes.tenantId, tenantId), eq(creditNotes.id, id)))
    .get();
}

export async function listCreditNotes(
  db: Db,
  tenantId: string,
  opts: {
    clientId?: string | undefined;
    invoiceId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<Page<CreditNoteRow>> {
  const where: SQL[] = [eq(creditNotes.tenantId, tenantId)];
  if (opts.clientId) where.push(eq(creditNotes.clientId, opts.clientId));
  if (opts.invoiceId) where.push(eq(creditNotes.invoiceId, opts.invoiceId));
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor);
    if (!c) throw new InvalidCursorError();
    const at = new Date(c.createdAt);
    where.push(
      or(lt(creditNotes.createdAt, at), and(eq(creditNotes.createdAt, at), lt(creditNotes.id, c.id)))!,
    );
  }
  const rows = await db
    .select()
    .from(creditNotes)
    .where(and(...where))
    .orderBy(desc(creditNotes.createdAt), desc(creditNotes.id))
    .limit(opts.limit + 1)
    .all();
  return pageOf(rows, opts.limit);
}

/** The client's credit notes for the portal, newest first (bounded). */
export async function clientCreditNotes(db: Db, tenantId: string, clientId: string, limit = 200) {
  return db
    .select()
    .from(creditNotes)
    .where(and(eq(creditNotes.tenantId, tenantId), eq(creditNotes.clientId, clientId)))
    .orderBy(desc(creditNotes.createdAt), desc(creditNotes.id))
    .limit(limit)
    .all();
}

/** Emailed once: the first send stamps it, so a repeat can tell. */
export async function markCreditNoteSent(db: Db, tenantId: string, id: string, now: Date, beside: Beside) {
  await db.batch([
    db
      .update(creditNotes)
      .set({ sentAt: sql`COALESCE(${creditNotes.sentAt}, ${now.getTime()})` })
      .where(and(eq(creditNotes.tenantId, tenantId), eq(creditNotes.id, id))),
    ...beside(id),
  ]);
}

export async function creditBalance(db: Db, tenantId: string, clientId: string, currency: string) {
  const row = await db.get<{ balance: number | null }>(
    sql`SELECT ${balanceSql(tenantId, clientId, currency)} AS balance`,
  );
  return Number(row?.balance ?? 0);
}

/**
 * Uses the client's credit on one of its open invoices: a `credit` payment and the matching
 * negative line of the ledger, written only while both the amount due and the balance cover
 * it (checked inside the batch, so two uses at once cannot overdraw). Undefined when refused.
 */
export async function applyClientCredit(
  db: Db,
  tenantId: string,
  invoiceId: string,
  amount: number,
  date: string,
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
) {
  const paymentId = newId('pay');
  const ms = now.getTime();
  await db.batch([
    db.insert(payments).select(sql`
      SELECT ${paymentId}, tenant_id, id, client_id, ${amount}, currency, ${date}, 'credit', NULL, 'credit', NULL, 0, ${ms}
      FROM documents d WHERE d.id = ${invoiceId} AND d.tenant_id = ${tenantId} AND d.type = 'invoice'
        AND d.status IN (${PAYABLE_SQL}) AND d.total - d.amount_paid >= ${amount}
        AND ${balanceSql(tenantId, sql`d.client_id`, sql`d.currency`)} >= ${amount}`),
    db.insert(clientCredits).select(sql`
      SELECT ${newId('crd')}, tenant_id, client_id, invoice_id, -amount, currency, NULL, NULL, 'open', NULL, ${ms}, NULL, 'applied', NULL, id, NULL
      FROM payments WHERE id = ${paymentId} AND tenant_id = ${tenantId}`),
    ...beside(paymentId),
    recomputeInvoice(db, tenantId, invoiceId, now),
  ]);
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.tenantId, tenantId), eq(payments.id, paymentId)))
    .get();
}

/**
 * Credit handed back outside Stripe (a bank transfer, cash): a negative line with the
 * business's reference, written only while the balance covers it. Undefined when refused.
 */
export async function recordCreditRefund(
  db: Db,
  tenantId: string,
  clientId: string,
  r: { amount: number; currency: string; reference: string | null },
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
) {
  const id = newId('crd');
  const ms = now.getTime();
  await db.batch([
    db.insert(clientCredits).select(sql`
      SELECT ${id}, ${tenantId}, ${clientId}, NULL, ${-r.amount}, ${r.currency}, NULL, NULL, 'open', NULL, ${ms}, ${ms}, 'refund', NULL, NULL, ${r.reference}
      WHERE ${balanceSql(tenantId, clientId, r.currency)} >= ${r.amount}`),
    ...beside(id),
  ]);
  return db
    .select()
    .from(clientCredits)
    .where(and(eq(clientCredits.tenantId, tenantId), eq(clientCredits.id, id)))
    .get();
}

/** What Stripe refunded on an invoice's payments (refunds of credit lines are not the invoice's). */
export async function stripeRefundedOn(db: Db, tenantId: string, invoiceId: string) {
  const row = await db
    .select({ refunded: sql<number>`COALESCE(SUM(${payments.refunded}), 0)` })
    .from(payments)
    .where(
      and(eq(payments.tenantId, tenantId), eq(payments.invoiceId, invoiceId), eq(payments.source, 'stripe')),
    )
    .get();
  return Number(row?.refunded ?? 0);
}

/**
 * Per currency for one client, in one statement: the credit balance (open lines of the
 * ledger), what credit notes credited, what of that settled invoices rather than paying
 * the client back, and what the client's credit paid on invoices (`applied`).
 */
export async function creditByCurrency(db: Db, tenantId: string, clientId: string) {
  const rows = await db.all<{
    currency: string;
    credit: number;
    credited: number;
    settled: number;
    applied: number;
  }>(sql`
    SELECT currency, SUM(credit) AS credit, SUM(credited) AS credited, SUM(settled) AS settled,
      SUM(applied) AS applied FROM (
      SELECT currency, amount AS credit, 0 AS credited, 0 AS settled, 0 AS applied FROM client_credits
        WHERE tenant_id = ${tenantId} AND client_id = ${clientId} AND state = 'open'
      UNION ALL
      SELECT currency, 0, total, to_invoice, 0 FROM credit_notes
        WHERE tenant_id = ${tenantId} AND client_id = ${clientId}
      UNION ALL
      SELECT currency, 0, 0, 0, amount FROM payments
        WHERE tenant_id = ${tenantId} AND client_id = ${clientId} AND source = 'credit'
    ) GROUP BY currency`);
  return rows.map((r) => ({
    currency: r.currency,
    credit: Number(r.credit),
    credited: Number(r.credited),
    settled: Number(r.settled),
    applied: Number(r.applied),
  }));
}

/** The credit line a payment left (a saved overpayment), if any. */
export async function creditLineOfPayment(db: Db, tenantId: string, paymentId: string) {
  return db
    .select()
    .from(clientCredits)
    .where(and(eq(clientCredits.tenantId, tenantId), eq(clientCredits.paymentId, paymentId)))
    .get();
}
