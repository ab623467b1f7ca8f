import { formatMoney } from '@clientele/core';
import {
  applyCheckoutPaid,
  applyCheckoutState,
  applyStripeRefund,
  type CheckoutState,
  getCheckoutSession,
  getClient,
  getDocument,
  recordStripeEvent,
  type StripeEventFacts,
  stripePaymentByIntent,
} from '@clientele/db';
import { auditLineIfChanged } from '../audit';
import type { TenantContext } from '../context';
import { RetryLaterError } from '../errors';
import { queueDocumentEmail } from '../mail/outgoing';
import { tellBusiness } from '../notices/notices';
import { fromStripeAmount } from './amounts';
import type { ChargeFacts, CheckoutSessionFacts } from './event-schema';

/** What applying one event did; stored on the event row and answered to Stripe. */
export type EventOutcome = 'paid' | 'processing' | 'failed' | 'expired' | 'mismatch' | 'refund' | 'ignored';

const money = (amount: number, currency: string) => formatMoney(amount, currency, 'en-US');

interface EventRef {
  id: string;
  type: string;
}

/**
 * A Checkout Session event (completed, async succeeded or failed, expired). Only the session's own
 * metadata and Stripe's amounts count: the invoice must belong to this business and this
 * client, and the amount and currency must be what was asked for and still due.
 */
export async function applyCheckoutEvent(
  ctx: TenantContext,
  ref: EventRef,
  session: CheckoutSessionFacts,
): Promise<EventOutcome> {
  const meta = session.metadata ?? {};
  const ignore = async (why: string) => {
    await recordStripeEvent(
      ctx.db,
      ctx.tenantId,
      { ...ref, invoiceId: null, outcome: `ignored: ${why}` },
      ctx.now,
    );
    return 'ignored' as const;
  };
  if (meta.tenantId !== ctx.tenantId || !meta.invoiceId || !meta.clientId) {
    return ignore('not a Clientele invoice of this business');
  }
  const invoice = await getDocument(ctx.db, ctx.tenantId, 'invoice', meta.invoiceId);
  if (!invoice || invoice.clientId !== meta.clientId) return ignore('unknown invoice');
  if (session.payment_status === 'no_payment_required') return ignore('no payment');

  const known = await getCheckoutSession(ctx.db, ctx.tenantId, session.id);
  const currency = (session.currency ?? '').toUpperCase();
  const collected = fromStripeAmount(session.amount_total ?? 0, currency) ?? Number.NaN;
  const facts = {
    id: session.id,
    invoiceId: invoice.id,
    clientId: invoice.clientId,
    amount: known?.amount ?? collected,
    currency: invoice.currency,
    paymentIntentId: session.payment_intent,
  };
  const event: StripeEventFacts = { ...ref, invoiceId: invoice.id, outcome: '' };
  const setState = async <S extends CheckoutState & EventOutcome>(state: S, problem: string | null) => {
    await applyCheckoutState(
      ctx.db,
      ctx.tenantId,
      { ...event, outcome: problem ? `${state}: ${problem}` : state },
      { ...facts, state, problem },
      ctx.now,
    );
    return state;
  };

  // Nobody paid before it expired: the client may start a new one.
  if (ref.type === 'checkout.session.expired') return setState('expired', null);
  if (ref.type === 'checkout.session.async_payment_failed') {
    return setState('failed', 'The payment failed after checkout (for example, the bank debit was declined)');
  }
  if (session.payment_status !== 'paid') return setState('processing', null);

  const due = invoice.total - invoice.amountPaid;
  if (currency !== invoice.currency) {
    return setState(
      'mismatch',
      `Stripe collected ${session.amount_total} in ${currency || '(no currency)'}, but the invoice is in ${invoice.currency}; not applied`,
    );
  }
  if (collected !== facts.amount) {
    return setState(
      'mismatch',
      `Stripe collected ${money(collected, currency)}, but ${money(facts.amount, currency)} was asked for; not applied`,
    );
  }
  if (collected > due) {
    return setState(
      'mismatch',
      `Stripe collected ${money(collected, currency)}, but only ${money(due, currency)} is still due on ${invoice.number}; not applied`,
    );
  }
  const payment = await applyCheckoutPaid(
    ctx.db,
    ctx.tenantId,
    { ...event, outcome: 'paid' },
    { ...facts, date: ctx.now.toISOString().slice(0, 10) },
    ctx.now,
    (id) => [
      auditLineIfChanged(
        ctx,
        'payment.received',
        { type: 'payment', id },
        { invoiceId: invoice.id, amount: facts.amount, currency },
      ),
    ],
  );
  if (!payment) return 'mismatch';
  const client = await getClient(ctx.db, ctx.tenantId, invoice.clientId);
  await tellBusiness(ctx, {
    kind: 'payment_received',
    clientId: invoice.clientId,
    subjectId: invoice.id,
    facts: {
      clientName: client?.name ?? '',
      number: invoice.number,
      amount: payment.amount,
      currency: payment.currency,
    },
  });
  await queueDocumentEmail(
    ctx,
    { id: invoice.id, type: 'invoice', clientId: invoice.clientId },
    `receipt:${payment.id}`,
    'receipt',
    { whenCapped: 'skip' },
  );
  return 'paid';
}

/**
 * `charge.refunded`: Stripe reports the charge's refunded total so far. A refund whose
 * payment has not arrived yet is refused with 503 and nothing recorded, so Stripe retries
 * it after the payment (or reconciliation) has landed.
 */
export async function applyRefundEvent(
  ctx: TenantContext,
  ref: EventRef,
  charge: ChargeFacts,
): Promise<EventOutcome> {
  const pi = charge.payment_intent;
  const meta = charge.metadata ?? {};
  if (!pi || (meta.tenantId && meta.tenantId !== ctx.tenantId)) {
    await recordStripeEvent(
      ctx.db,
      ctx.tenantId,
      { ...ref, invoiceId: null, outcome: 'ignored: not ours' },
      ctx.now,
    );
    return 'ignored';
  }
  const payment = await stripePaymentByIntent(ctx.db, ctx.tenantId, pi);
  if (!payment) {
    if (!meta.invoiceId) {
      await recordStripeEvent(
        ctx.db,
        ctx.tenantId,
        { ...ref, invoiceId: null, outcome: 'ignored: unknown charge' },
        ctx.now,
      );
      return 'ignored';
    }
    throw new RetryLaterError('refundBeforePayment');
  }
  const currency = charge.currency.toUpperCase();
  const refunded = currency === payment.currency ? fromStripeAmount(charge.amount_refunded, currency) : null;
  if (refunded === null) {
    await recordStripeEvent(
      ctx.db,
      ctx.tenantId,
      {
        ...ref,
        invoiceId: payment.invoiceId,
        outcome: `ignored: refund in ${currency}, payment in ${payment.currency}`,
      },
      ctx.now,
    );
    return 'ignored';
  }
  await applyStripeRefund(
    ctx.db,
    ctx.tenantId,
    { ...ref, invoiceId: payment.invoiceId, outcome: 'refund' },
    { paymentId: payment.id, invoiceId: payment.invoiceId, refunded },
    ctx.now,
    (id) => [
      auditLineIfChanged(
        ctx,
        'payment.refunded',
        { type: 'payment', id },
        { invoiceId: payment.invoiceId, refunded, currency: payment.currency },
      ),
    ],
  );
  return 'refund';
}
