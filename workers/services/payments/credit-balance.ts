import { formatMoney, isPayable } from '@clientele/core';
import { applyClientCredit, creditBalance, getClient, getDocument, recordCreditRefund } from '@clientele/db';
import { auditLineIfChanged } from '../audit';
import type { TenantContext } from '../context';
import type { CreditRefundInput } from '../credit-notes/schema';
import { today } from '../documents/view';
import { ConflictError, NotFoundError, say, ValidationError } from '../errors';
import { readerLocale } from '../reader-language';
import { blankToNull } from '../text';
import { toCreditView } from './credits';
import { toPaymentView } from './payments';

const money = (amount: number, currency: string) => formatMoney(amount, currency, readerLocale());

/**
 * Uses the client's credit on one of its open invoices, in the invoice's currency: a payment
 * with `source: "credit"`, so the invoice's paid and due amounts, its status and the client
 * 360° read it like any other payment, and the same amount out of the credit balance.
 */
export async function applyCreditTo(ctx: TenantContext, invoiceId: string, amount: number) {
  const invoice = await getDocument(ctx.db, ctx.tenantId, 'invoice', invoiceId);
  if (!invoice) throw new NotFoundError('invoice');
  if (!isPayable(invoice.status)) throw new ConflictError('creditOnlyOpenInvoice');
  const due = invoice.total - invoice.amountPaid;
  const balance = await creditBalance(ctx.db, ctx.tenantId, invoice.clientId, invoice.currency);
  if (amount > balance) {
    const left = money(Math.max(0, balance), invoice.currency);
    throw new ValidationError([{ path: 'amount', message: say('moreThanCredit', left) }]);
  }
  if (amount > due) {
    throw new ValidationError([
      { path: 'amount', message: say('moreThanDue', money(due, invoice.currency)) },
    ]);
  }
  const payment = await applyClientCredit(
    ctx.db,
    ctx.tenantId,
    invoiceId,
    amount,
    today(ctx.now),
    ctx.now,
    (id) => [
      auditLineIfChanged(
        ctx,
        'credit.applied',
        { type: 'payment', id },
        { invoiceId, amount, currency: invoice.currency },
      ),
    ],
  );
  if (!payment) throw new ConflictError('changedMeanwhile');
  return toPaymentView(payment);
}

/** Credit handed back outside Stripe: the balance goes down, with the business's reference. */
export async function recordCreditRefundFor(ctx: TenantContext, clientId: string, input: CreditRefundInput) {
  const client = await getClient(ctx.db, ctx.tenantId, clientId);
  if (!client) throw new NotFoundError('client');
  const balance = await creditBalance(ctx.db, ctx.tenantId, clientId, input.currency);
  if (input.amount > balance) {
    const left = money(Math.max(0, balance), input.currency);
    throw new ValidationError([{ path: 'amount', message: say('moreThanCredit', left) }]);
  }
  const reference = blankToNull(input.reference) ?? null;
  const row = await recordCreditRefund(
    ctx.db,
    ctx.tenantId,
    clientId,
    { amount: input.amount, currency: input.currency, reference },
    ctx.now,
    (id) => [
      auditLineIfChanged(
        ctx,
        'credit.refund_recorded',
        { type: 'client', id: clientId },
        { credit: id, amount: input.amount, currency: input.currency, reference },
      ),
    ],
  );
  if (!row) {
    throw new ValidationError([{ path: 'amount', message: say('moreThanCredit', money(0, input.currency)) }]);
  }
  return toCreditView(row);
}
