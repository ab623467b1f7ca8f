import {
  abandonCreditRefund,
  type ClientCreditRow,
  clientCreditsOf,
  creditBalance,
  finishCreditRefund,
  getClient,
  getClientCredit,
  startCreditRefund,
} from '@clientele/db';
import { auditLineIfChanged } from '../audit';
import type { TenantContext } from '../context';
import { ConflictError, DomainError, NotFoundError, say, UpstreamError } from '../errors';
import { onAccount, tenantStripe } from '../stripe/account';
import { toStripeAmount } from '../stripe/amounts';
import { Stripe } from '../stripe/client';
import type { Credit } from './schema';

export const toCreditView = (r: ClientCreditRow): Credit => ({
  id: r.id,
  clientId: r.clientId,
  invoiceId: r.invoiceId,
  amount: r.amount,
  currency: r.currency,
  state: r.state,
  source: r.source,
  checkoutSessionId: r.checkoutSessionId,
  creditNoteId: r.creditNoteId,
  paymentId: r.paymentId,
  reference: r.reference,
  refundId: r.refundId,
  createdAt: r.createdAt.toISOString(),
  refundedAt: r.refundedAt?.toISOString() ?? null,
});

export async function listClientCredits(ctx: TenantContext, clientId: string) {
  if (!(await getClient(ctx.db, ctx.tenantId, clientId))) throw new NotFoundError('client');
  return (await clientCreditsOf(ctx.db, ctx.tenantId, clientId)).map(toCreditView);
}

/**
 * One click: the credit goes back to the client through Stripe, on the charge it came from.
 * The credit is marked `refunding` before Stripe is asked (so the `charge.refunded` event,
 * which may arrive before Stripe's answer, is not taken for a refund of the invoice), and
 * the Stripe idempotency key is the credit's own, so a retried click can never refund twice.
 */
export async function refundClientCredit(ctx: TenantContext, clientId: string, creditId: string) {
  const credit = await getClientCredit(ctx.db, ctx.tenantId, clientId, creditId);
  if (!credit) throw new DomainError(404, 'creditNotFound');
  if (credit.state === 'refunded') throw new ConflictError('creditAlreadyRefunded');
  // One balance: a Stripe credit partly used on an invoice can no longer go back whole.
  if (
    credit.source === 'stripe' &&
    credit.state === 'open' &&
    (await creditBalance(ctx.db, ctx.tenantId, clientId, credit.currency)) < credit.amount
  ) {
    throw new ConflictError('creditInUse');
  }
  const stripeAmount = toStripeAmount(credit.amount, credit.currency);
  if (!stripeAmount.ok) throw new ConflictError(stripeAmount.refusal);
  const account = await tenantStripe(ctx);
  if (!account) throw new ConflictError('stripeNotSetUp');
  if (!credit.paymentIntentId) throw new ConflictError(say('stripeRefundRefused', 'no payment to refund'));
  if (!(await startCreditRefund(ctx.db, ctx.tenantId, credit.id))) {
    const now = await getClientCredit(ctx.db, ctx.tenantId, clientId, creditId);
    throw new ConflictError(now?.state === 'open' ? 'creditInUse' : 'creditAlreadyRefunded');
  }
  let refundId: string;
  try {
    const refund = await account.stripe.refunds.create(
      {
        payment_intent: credit.paymentIntentId,
        amount: stripeAmount.amount,
        metadata: { tenantId: ctx.tenantId, creditId: credit.id },
      },
      // On the connected account for a Connect business: the charge is the business's own.
      onAccount(account, { idempotencyKey: `credit-refund:${credit.id}` }),
    );
    refundId = refund.id;
  } catch (err) {
    await abandonCreditRefund(ctx.db, ctx.tenantId, credit.id);
    if (
      err instanceof Stripe.errors.StripeInvalidRequestError ||
      err instanceof Stripe.errors.StripeCardError
    ) {
      ctx.log.warn('stripe refused a credit refund', { job: 'credit-refund', reason: err.code ?? err.type });
      throw new ConflictError(say('stripeRefundRefused', err.message.slice(0, 300)));
    }
    throw new UpstreamError('stripeUnreachable');
  }
  await finishCreditRefund(ctx.db, ctx.tenantId, credit.id, refundId, ctx.now, (id) => [
    auditLineIfChanged(
      ctx,
      'credit.refunded',
      { type: 'client', id: credit.clientId },
      { credit: id, amount: credit.amount, currency: credit.currency, refund: refundId },
    ),
  ]);
  const after = await getClientCredit(ctx.db, ctx.tenantId, clientId, creditId);
  return toCreditView(after ?? credit);
}
