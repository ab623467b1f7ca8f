import { isPayable, type Language } from '@clientele/core';
import {
  type CheckoutSessionRow,
  getCheckoutSession,
  invoiceCheckoutSessions,
  saveCheckoutSession,
} from '@clientele/db';
import type { TenantContext } from '../context';
import { getDocumentFor } from '../documents/documents';
import { ConflictError, NotFoundError, UpstreamError } from '../errors';
import type { OnlinePayment } from '../payments/schema';
import { type ClientScope, clientDocument } from '../portal/documents';
import { onAccount, tenantStripe } from './account';
import { toStripeAmount } from './amounts';

export interface StartedCheckout {
  sessionId: string;
  clientSecret: string;
  publishableKey: string;
  /** For a Connect business: Stripe.js is initialised with `{ stripeAccount }`. */
  stripeAccount?: string;
}

/** A checkout whose payment is on its way (bank debit): paying again would pay twice. */
export const settling = (rows: CheckoutSessionRow[]) => rows.some((r) => r.state === 'processing');

export function invoiceCheckouts(scope: ClientScope, invoiceId: string) {
  return invoiceCheckoutSessions(scope.ctx.db, scope.ctx.tenantId, invoiceId);
}

/**
 * "Pay now": an embedded Checkout Session for what is due, in the invoice's currency.
 * The idempotency key is the invoice and amount due, so a double click (or a reload)
 * gets the same session rather than a second charge.
 */
export async function startCheckout(
  scope: ClientScope,
  input: { invoiceId: string; email: string | null; language: Language; label: string },
): Promise<StartedCheckout> {
  const invoice = await clientDocument(scope, 'invoice', input.invoiceId);
  if (!invoice) throw new NotFoundError('invoice');
  const due = invoice.total - invoice.amountPaid;
  if (invoice.status === 'void') throw new ConflictError('voidCannotBePaid');
  if (!isPayable(invoice.status) || due <= 0) throw new ConflictError('alreadyPaid');
  const account = await tenantStripe(scope.ctx);
  if (!account) throw new ConflictError('noOnlinePayments');
  if (!account.chargesEnabled) throw new ConflictError('connectNotReady');
  if (settling(await invoiceCheckouts(scope, invoice.id))) {
    throw new ConflictError('paymentProcessing');
  }
  const amount = toStripeAmount(due, invoice.currency);
  if (!amount.ok) throw new ConflictError(amount.refusal);
  const origin = new URL(scope.ctx.config.publicUrl).origin;
  const metadata = { tenantId: scope.ctx.tenantId, invoiceId: invoice.id, clientId: scope.clientId };
  let session: Awaited<ReturnType<typeof account.stripe.checkout.sessions.create>>;
  try {
    session = await account.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        ui_mode: 'embedded_page',
        locale: input.language,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: invoice.currency.toLowerCase(),
              unit_amount: amount.amount,
              product_data: { name: `${input.label} ${invoice.number ?? ''}`.trim() },
            },
          },
        ],
        ...(input.email ? { customer_email: input.email } : {}),
        metadata,
        payment_intent_data: { metadata },
        return_url: `${origin}/portal/invoices/${invoice.id}/payment?session_id={CHECKOUT_SESSION_ID}`,
      },
      onAccount(account, { idempotencyKey: `checkout:${invoice.id}:${invoice.currency}:${due}` }),
    );
  } catch {
    throw new UpstreamError('stripeCheckoutFailed');
  }
  if (!session.client_secret) throw new UpstreamError('stripeNoCheckout');
  await saveCheckoutSession(
    scope.ctx.db,
    scope.ctx.tenantId,
    {
      id: session.id,
      invoiceId: invoice.id,
      clientId: scope.clientId,
      amount: due,
      currency: invoice.currency,
    },
    scope.ctx.now,
  );
  return {
    sessionId: session.id,
    clientSecret: session.client_secret,
    publishableKey: account.publishableKey,
    ...(account.stripeAccount ? { stripeAccount: account.stripeAccount } : {}),
  };
}

/** Where a checkout of this client's invoice stands; only webhooks (or reconciliation) move it. */
export async function checkoutState(scope: ClientScope, invoiceId: string, sessionId: string) {
  const row = await getCheckoutSession(scope.ctx.db, scope.ctx.tenantId, sessionId);
  if (!row || row.clientId !== scope.clientId || row.invoiceId !== invoiceId) return undefined;
  return row.state;
}

/** Online payments of one invoice of this business (not found when it is not one). */
export async function invoiceOnlinePayments(ctx: TenantContext, invoiceId: string) {
  await getDocumentFor(ctx, 'invoice', invoiceId);
  return onlinePayments(ctx, invoiceId);
}

/** The invoice's Stripe checkouts for the business: processing, paid, failed, flagged. */
export async function onlinePayments(ctx: TenantContext, invoiceId: string): Promise<OnlinePayment[]> {
  const rows = await invoiceCheckoutSessions(ctx.db, ctx.tenantId, invoiceId);
  return rows.map((r) => ({
    id: r.id,
    invoiceId: r.invoiceId,
    state: r.state,
    amount: r.amount,
    currency: r.currency,
    paymentIntentId: r.paymentIntentId,
    paymentId: r.paymentId,
    problem: r.problem,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}
