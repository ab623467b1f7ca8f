import { formatMoney } from '@clientele/core';
import {
  creditBalance,
  creditLineOfPayment,
  deletePayment,
  getDocument,
  getPayment,
  listPayments,
  movedToCreditOn,
  type PaymentRow,
  recordPayment,
} from '@clientele/db';
import { auditLineIfChanged } from '../audit';
import type { TenantContext } from '../context';
import { getDocumentFor } from '../documents/documents';
import { ConflictError, NotFoundError, say, ValidationError } from '../errors';
import { assertMayEmailClients } from '../mail/client-email-cap';
import { queueDocumentEmail } from '../mail/outgoing';
import { readerLocale } from '../reader-language';
import { blankToNull } from '../text';
import type { Payment, PaymentInput } from './schema';

export const toPaymentView = (p: PaymentRow): Payment => ({
  id: p.id,
  invoiceId: p.invoiceId,
  clientId: p.clientId,
  amount: p.amount,
  currency: p.currency,
  date: p.date,
  method: p.method,
  reference: p.reference,
  source: p.source,
  refunded: p.refunded,
  createdAt: p.createdAt.toISOString(),
});

/**
 * Partial payments are welcome. Paying more than is due is refused (422) unless the business
 * says to keep the excess as the client's credit (`excessAsCredit`): then the invoice is paid
 * what it owes and the rest joins the client's credit in that currency — asked, never silent,
 * so a balance can never go negative or cross into another invoice unnoticed.
 */
export async function recordManualPayment(ctx: TenantContext, invoiceId: string, input: PaymentInput) {
  const invoice = await getDocument(ctx.db, ctx.tenantId, 'invoice', invoiceId);
  if (!invoice) throw new NotFoundError('invoice');
  if (invoice.status === 'draft') throw new ConflictError('sendBeforePayments');
  if (invoice.status === 'void') throw new ConflictError('invoiceVoid');
  const due = invoice.total - invoice.amountPaid;
  if (due === 0) throw new ConflictError('paidInFull');
  const excess = input.excessAsCredit ? Math.max(0, input.amount - due) : 0;
  if (input.amount > due && !excess) {
    throw new ValidationError([
      {
        path: 'amount',
        message: say('moreThanDue', formatMoney(due, invoice.currency, readerLocale())),
      },
    ]);
  }
  // A receipt asked for and not allowed today: refused before the payment is recorded.
  if (input.sendReceipt) await assertMayEmailClients(ctx);
  const payment = await recordPayment(
    ctx.db,
    ctx.tenantId,
    invoiceId,
    {
      amount: input.amount - excess,
      date: input.date,
      method: input.method,
      reference: blankToNull(input.reference) ?? null,
      source: 'manual',
      excessToCredit: excess,
    },
    ctx.now,
    (id) => [
      auditLineIfChanged(
        ctx,
        'payment.recorded',
        { type: 'payment', id },
        { invoiceId, amount: input.amount - excess, currency: invoice.currency, savedAsCredit: excess },
      ),
    ],
  );
  if (!payment) throw new ConflictError('changedMeanwhile');
  if (input.sendReceipt) {
    const doc = { id: payment.invoiceId, type: 'invoice' as const, clientId: payment.clientId };
    await queueDocumentEmail(ctx, doc, `receipt:${payment.id}`, 'receipt');
  }
  return excess ? { ...toPaymentView(payment), savedAsCredit: excess } : toPaymentView(payment);
}

export async function deletePaymentFor(ctx: TenantContext, invoiceId: string, paymentId: string) {
  const existing = await getPayment(ctx.db, ctx.tenantId, paymentId);
  if (existing?.invoiceId === invoiceId && existing.source === 'stripe') {
    // The money really moved: deleting the record would hide it. A refund in Stripe undoes it.
    throw new ConflictError('stripePaymentKept');
  }
  if (
    existing?.invoiceId === invoiceId &&
    (existing.source === 'credit' || existing.source === 'credit_note')
  ) {
    // A credit note or a use of credit is a record of its own, with its own line in the ledger.
    throw new ConflictError('creditSettlementKept');
  }
  if (existing?.invoiceId === invoiceId && (await movedToCreditOn(ctx.db, ctx.tenantId, invoiceId)) > 0) {
    // A credit note already turned what this invoice was paid into the client's credit:
    // deleting the payment would have the invoice owe again while the client keeps that credit.
    throw new ConflictError('paymentMovedToCredit');
  }
  const saved =
    existing?.invoiceId === invoiceId
      ? await creditLineOfPayment(ctx.db, ctx.tenantId, existing.id)
      : undefined;
  if (saved && (await creditBalance(ctx.db, ctx.tenantId, saved.clientId, saved.currency)) < saved.amount) {
    // The excess it left as credit has been used since: deleting it would overdraw the balance.
    throw new ConflictError('creditInUse');
  }
  const done = await deletePayment(ctx.db, ctx.tenantId, invoiceId, paymentId, ctx.now, (id) => [
    auditLineIfChanged(
      ctx,
      'payment.deleted',
      { type: 'payment', id },
      { invoiceId, amount: existing?.amount ?? null, currency: existing?.currency ?? null },
    ),
  ]);
  if (!done) throw new NotFoundError('payment');
  // The credit it left was used between the check above and the delete.
  if (!done.deleted) throw new ConflictError('creditInUse');
}

/** One invoice's payments; an invoice that is not this business's is not found. */
export async function invoicePaymentsFor(ctx: TenantContext, invoiceId: string) {
  await getDocumentFor(ctx, 'invoice', invoiceId);
  return paymentsFor(ctx, { invoiceId });
}

export async function paymentsFor(ctx: TenantContext, filter: { invoiceId?: string; clientId?: string }) {
  return (await listPayments(ctx.db, ctx.tenantId, filter)).map(toPaymentView);
}
