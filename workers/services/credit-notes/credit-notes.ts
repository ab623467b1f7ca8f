import { formatMoney, isLanguage, type Language } from '@clientele/core';
import {
  type CreditNoteLine,
  type CreditNoteRow,
  type CreditNoteSnapshot,
  creditableOn,
  creditBalance,
  creditedLinesOn,
  type EmailRow,
  getClient,
  getCreditNote,
  getDocument,
  getTenant,
  issueCreditNote,
  listCreditNotes,
  markCreditNoteSent,
  NumberTakenError,
  stripeRefundedOn,
} from '@clientele/db';
import { auditLineIfChanged } from '../audit';
import type { TenantContext } from '../context';
import { sellerOf } from '../documents/parties';
import { today } from '../documents/view';
import { ConflictError, DomainError, NotFoundError, say, ValidationError } from '../errors';
import { assertMayEmailClients } from '../mail/client-email-cap';
import { queueClientEmail } from '../mail/outgoing';
import { readerLocale } from '../reader-language';
import { amountLines, creditLines, sumLines } from './lines';
import type { CreditNote, CreditNoteInput, CreditOptions } from './schema';

export function toCreditNoteView(r: CreditNoteRow): CreditNote {
  return {
    id: r.id,
    invoiceId: r.invoiceId,
    invoiceNumber: r.snapshot.invoice.number,
    invoiceIssueDate: r.snapshot.invoice.issueDate,
    clientId: r.clientId,
    number: r.number,
    currency: r.currency,
    language: r.language,
    issueDate: r.issueDate,
    lines: r.lines,
    subtotal: r.subtotal,
    taxTotal: r.taxTotal,
    total: r.total,
    toInvoice: r.toInvoice,
    toCredit: r.toCredit,
    reason: r.reason,
    status: r.sentAt ? 'sent' : 'issued',
    sentAt: r.sentAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

const money = (amount: number, currency: string) => formatMoney(amount, currency, readerLocale());

async function issuedInvoice(ctx: TenantContext, invoiceId: string) {
  const invoice = await getDocument(ctx.db, ctx.tenantId, 'invoice', invoiceId);
  if (!invoice) throw new NotFoundError('invoice');
  if (invoice.status === 'void') throw new ConflictError('voidNotCreditable');
  if (invoice.status === 'draft' || !invoice.snapshot) throw new ConflictError('sendBeforeCrediting');
  return { ...invoice, snapshot: invoice.snapshot };
}

/**
 * The invoice lines chosen, each once, each on the invoice and none an earlier credit note
 * already took back, or a 422 naming the entry.
 */
function chosenLines(
  input: NonNullable<CreditNoteInput['lines']>,
  count: number,
  credited: Set<number>,
): number[] {
  const seen = new Set<number>();
  input.forEach(({ line }, i) => {
    if (line >= count) {
      throw new ValidationError([{ path: `lines.${i}.line`, message: say('noSuchInvoiceLine', line) }]);
    }
    if (seen.has(line)) throw new ValidationError([{ path: `lines.${i}.line`, message: 'lineChosenTwice' }]);
    if (credited.has(line)) {
      throw new ValidationError([{ path: `lines.${i}.line`, message: say('lineAlreadyCredited', line) }]);
    }
    seen.add(line);
  });
  return [...seen];
}

/**
 * Issues a credit note against an issued invoice: all that can still be credited, chosen lines,
 * or a gross amount spread over its tax rates. It takes the amount off what the invoice still
 * owes; whatever the invoice had already been paid becomes the client's credit.
 */
export async function createCreditNote(
  ctx: TenantContext,
  invoiceId: string,
  input: CreditNoteInput,
): Promise<CreditNote> {
  if (input.lines && input.amount !== undefined) {
    throw new ValidationError([{ path: 'amount', message: 'linesOrAmount' }]);
  }
  const invoice = await issuedInvoice(ctx, invoiceId);
  const totals = invoice.snapshot.totals;
  const language: Language = isLanguage(invoice.language) ? invoice.language : 'en';
  const left = await creditableOn(ctx.db, ctx.tenantId, invoiceId);
  const tooMuch = (path: string) =>
    new ValidationError([{ path, message: say('moreThanCreditable', money(left, invoice.currency)) }]);
  let lines: CreditNoteLine[];
  if (input.lines) {
    const credited = await creditedLinesOn(ctx.db, ctx.tenantId, invoiceId);
    lines = creditLines(totals, chosenLines(input.lines, totals.lines.length, credited));
    if (sumLines(lines).total > left) throw tooMuch('lines');
  } else if (input.amount !== undefined) {
    if (input.amount > left) throw tooMuch('amount');
    lines = amountLines(totals, input.amount, language);
  } else {
    if (left <= 0) throw tooMuch('amount');
    // Nothing credited yet: the invoice's own lines; after a partial credit, what is left.
    lines =
      left === totals.total
        ? creditLines(
            totals,
            totals.lines.map((_, i) => i),
          )
        : amountLines(totals, left, language);
  }
  lines = lines.filter((l) => l.amount !== 0);
  const sums = sumLines(lines);
  if (sums.total <= 0) throw new ValidationError([{ path: 'lines', message: 'moreThanZero' }]);
  const tenant = await getTenant(ctx.db, ctx.tenantId);
  if (!tenant) throw new NotFoundError('business');
  const issueDate = today(ctx.now);
  const reason = input.reason;
  const snapshot: Omit<CreditNoteSnapshot, 'number'> = {
    language,
    currency: invoice.currency,
    issueDate,
    seller: sellerOf(tenant),
    // The correction is addressed as the invoice was.
    billTo: invoice.snapshot.billTo,
    invoice: { id: invoice.id, number: invoice.number ?? '', issueDate: invoice.issueDate },
    reason,
    lines,
    ...sums,
  };
  const format = tenant.creditNoteNumberFormat;
  const row = await issueCreditNote(
    ctx.db,
    ctx.tenantId,
    { invoiceId, issueDate, reason, lines, ...sums, snapshot, format },
    ctx.now,
    (id) => [
      auditLineIfChanged(
        ctx,
        'credit_note.issued',
        { type: 'invoice', id: invoiceId },
        { creditNote: id, amount: sums.total, currency: invoice.currency },
      ),
    ],
  ).catch((err: unknown) => {
    if (!(err instanceof NumberTakenError)) throw err;
    const taken = say('numberTaken', format, true);
    throw new ConflictError(taken, [{ path: 'number', message: taken }]);
  });
  // Not written: another credit note or a change to the invoice got there first.
  if (!row) throw new ConflictError('changedMeanwhile');
  return toCreditNoteView(row);
}

async function load(ctx: TenantContext, id: string) {
  const row = await getCreditNote(ctx.db, ctx.tenantId, id);
  if (!row) throw new DomainError(404, 'creditNoteNotFound');
  return row;
}

export async function getCreditNoteFor(ctx: TenantContext, id: string) {
  return toCreditNoteView(await load(ctx, id));
}

export { load as loadCreditNote };

export async function listCreditNotesFor(
  ctx: TenantContext,
  opts: {
    clientId?: string | undefined;
    invoiceId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const page = await listCreditNotes(ctx.db, ctx.tenantId, opts);
  return { data: page.data.map(toCreditNoteView), nextCursor: page.nextCursor };
}

/**
 * Emails the credit note to the client (its PDF attached). Each request is one email; its
 * Idempotency-Key, when sent, makes a retried request the same email.
 */
export async function sendCreditNote(
  ctx: TenantContext,
  id: string,
  requestKey: string | undefined,
): Promise<{ creditNote: CreditNote; email: EmailRow | null }> {
  const row = await load(ctx, id);
  await assertMayEmailClients(ctx);
  const email = await queueClientEmail(
    ctx,
    { clientId: row.clientId, documentId: row.id, kind: 'credit_note' },
    `credit-note:${row.id}:${requestKey ?? crypto.randomUUID()}`,
  );
  if (email) {
    await markCreditNoteSent(ctx.db, ctx.tenantId, row.id, ctx.now, (noteId) => [
      auditLineIfChanged(
        ctx,
        'credit_note.sent',
        { type: 'invoice', id: row.invoiceId },
        { creditNote: noteId },
      ),
    ]);
  }
  return { creditNote: toCreditNoteView(await load(ctx, id)), email };
}

/**
 * What the admin app offers on an invoice: how much may still be credited, the client's
 * credit usable on it, and — after a Stripe refund left it owing again — the credit note that
 * squares it.
 */
export async function creditOptionsFor(ctx: TenantContext, invoiceId: string): Promise<CreditOptions> {
  const invoice = await getDocument(ctx.db, ctx.tenantId, 'invoice', invoiceId);
  if (!invoice) throw new NotFoundError('invoice');
  const issued = invoice.status !== 'draft' && invoice.status !== 'void';
  const amountDue = issued ? invoice.total - invoice.amountPaid : 0;
  const [creditable, clientCredit, refunded, client] = await Promise.all([
    issued ? creditableOn(ctx.db, ctx.tenantId, invoiceId) : 0,
    creditBalance(ctx.db, ctx.tenantId, invoice.clientId, invoice.currency),
    stripeRefundedOn(ctx.db, ctx.tenantId, invoiceId),
    getClient(ctx.db, ctx.tenantId, invoice.clientId),
  ]);
  if (!client) throw new NotFoundError('invoice');
  return {
    invoiceId,
    currency: invoice.currency,
    creditable,
    amountDue,
    clientCredit: Math.max(0, clientCredit),
    refundToCredit: Math.max(0, Math.min(refunded, amountDue, creditable)),
  };
}
