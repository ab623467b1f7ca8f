import { formatMoney } from '@clientele/core';
import {
  applyStripeDispute,
  getClient,
  getDocument,
  recordStripeEvent,
  stripePaymentByIntent,
} from '@clientele/db';
import { auditLineIfChanged } from '../audit';
import type { TenantContext } from '../context';
import { tellBusiness } from '../notices/notices';
import { fromStripeAmount } from './amounts';
import type { EventOutcome, EventRef } from './apply';
import type { DisputeFacts } from './event-schema';

/**
 * `charge.dispute.*`: a client's bank took back (or may take back) a payment. While Stripe
 * holds the money the invoice owes the disputed amount again; a won dispute restores the
 * payment, a lost one leaves it owed. The dispute is found through its PaymentIntent among
 * this business's payments only; another business's charge finds nothing here.
 */
export async function applyDisputeEvent(
  ctx: TenantContext,
  ref: EventRef & { created: number },
  dispute: DisputeFacts,
): Promise<EventOutcome> {
  const event = { id: ref.id, type: ref.type };
  const ignore = async (why: string, invoiceId: string | null = null) => {
    await recordStripeEvent(
      ctx.db,
      ctx.tenantId,
      { ...event, invoiceId, outcome: `ignored: ${why}` },
      ctx.now,
    );
    return 'ignored' as const;
  };
  const pi = dispute.payment_intent;
  const payment = pi ? await stripePaymentByIntent(ctx.db, ctx.tenantId, pi) : undefined;
  if (!payment) return ignore('dispute on a charge that is not one of this business’s invoice payments');
  const currency = dispute.currency.toUpperCase();
  const amount = currency === payment.currency ? fromStripeAmount(dispute.amount, currency) : null;
  if (amount === null) {
    // Flagged like any payment in the wrong currency: recorded, logged, nothing applied.
    const why = `dispute of ${dispute.amount} in ${currency}, payment in ${payment.currency}; not applied`;
    ctx.log.warn('stripe dispute not applied', { job: 'stripe-webhook', reason: why });
    await recordStripeEvent(
      ctx.db,
      ctx.tenantId,
      { ...event, invoiceId: payment.invoiceId, outcome: `mismatch: ${why}` },
      ctx.now,
    );
    return 'mismatch';
  }
  const before = await getDocument(ctx.db, ctx.tenantId, 'invoice', payment.invoiceId);
  const row = await applyStripeDispute(
    ctx.db,
    ctx.tenantId,
    { ...event, invoiceId: payment.invoiceId, outcome: `dispute: ${dispute.status}` },
    {
      id: dispute.id,
      paymentId: payment.id,
      invoiceId: payment.invoiceId,
      // Never more than the payment: Stripe cannot dispute what it did not collect.
      amount: Math.min(amount, payment.amount),
      currency: payment.currency,
      status: dispute.status,
      reason: dispute.reason,
      eventCreated: ref.created,
    },
    ctx.now,
    (id) => [
      auditLineIfChanged(
        ctx,
        'payment.disputed',
        { type: 'payment', id: payment.id },
        { dispute: id, status: dispute.status, amount, currency: payment.currency },
      ),
    ],
  );
  // Tell the business once per state change that matters: opened, then closed.
  const kept = row?.status === dispute.status && row.eventCreated === ref.created;
  const opened = ref.type === 'charge.dispute.created';
  const closed = ref.type === 'charge.dispute.closed';
  if ((opened || closed) && kept && before) {
    const client = await getClient(ctx.db, ctx.tenantId, payment.clientId);
    await tellBusiness(ctx, {
      kind: opened ? 'payment_disputed' : 'dispute_closed',
      clientId: payment.clientId,
      subjectId: payment.invoiceId,
      facts: {
        clientName: client?.name ?? '',
        number: before.number,
        amount,
        currency: payment.currency,
        ...(opened ? { reason: dispute.reason } : { subject: dispute.status }),
      },
    });
  }
  ctx.log.info('stripe dispute applied', {
    job: 'stripe-webhook',
    reason: `${dispute.status} ${formatMoney(amount, currency, 'en-US')} on ${before?.number ?? payment.invoiceId}`,
  });
  return 'dispute';
}
