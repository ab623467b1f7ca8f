import {
  type CheckoutSessionRow,
  getCheckoutSession,
  processingCheckoutSessions,
  stripeEventSeen,
  stripeTenantIds,
} from '@clientele/db';
import { type AppContext, forTenant, type TenantContext } from '../context';
import { errorText } from '../log';
import { onAccount, type TenantStripe, tenantStripe } from './account';
import { applyCheckoutEvent } from './apply';
import type { Stripe } from './client';
import { CheckoutSessionSchema } from './event-schema';

/** Webhooks Stripe gave up on are at most this old (it retries for three days). */
const LOOKBACK_SECONDS = 3 * 24 * 3600;
const MAX_SESSIONS_PER_RUN = 500;
/** Sessions expire 24 hours after they are created; their expiry is looked for that much further back. */
const SESSION_LIFETIME_SECONDS = 24 * 3600;
const MAX_PROCESSING_PER_RUN = 100;

/**
 * Cron: asks each business's Stripe for recently completed and expired sessions carrying our
 * metadata, and for the PaymentIntent of every session still processing, and applies what
 * a lost webhook would have said, through the same path a webhook takes (one payment per
 * session, whichever comes first). One business failing does not stop the rest.
 */
export async function reconcileStripe(app: AppContext) {
  let applied = 0;
  for (const tenantId of await stripeTenantIds(app.db)) {
    const ctx = forTenant(app, tenantId);
    try {
      applied += await reconcileTenant(ctx);
    } catch (err) {
      ctx.log.error('stripe reconcile failed', { job: 'stripe-reconcile', error: errorText(err) });
    }
  }
  return applied;
}

async function reconcileTenant(ctx: TenantContext) {
  const account = await tenantStripe(ctx);
  if (!account) return 0;
  const completed = await reconcileCompleted(ctx, account);
  await reconcileExpired(ctx, account);
  return completed + (await reconcileProcessing(ctx, account));
}

/** Shaped as a webhook's session before it is applied: what Stripe's API returns is input too. */
async function applyFound(ctx: TenantContext, ref: { id: string; type: string }, session: unknown) {
  const facts = CheckoutSessionSchema.safeParse(session);
  if (!facts.success) {
    ctx.log.warn('stripe reconcile skipped a session', {
      job: 'stripe-reconcile',
      reason: `malformed ${ref.type} for ${ref.id}`,
    });
    return null;
  }
  return applyCheckoutEvent(ctx, ref, facts.data);
}

async function reconcileCompleted(ctx: TenantContext, account: TenantStripe) {
  const since = Math.floor(ctx.now.getTime() / 1000) - LOOKBACK_SECONDS;
  let applied = 0;
  let seen = 0;
  for await (const session of account.stripe.checkout.sessions.list(
    { status: 'complete', created: { gte: since }, limit: 100 },
    onAccount(account),
  )) {
    if (++seen > MAX_SESSIONS_PER_RUN) break;
    if (session.metadata?.tenantId !== ctx.tenantId) continue;
    const known = await getCheckoutSession(ctx.db, ctx.tenantId, session.id);
    const wanted = session.payment_status === 'paid' ? 'paid' : 'processing';
    // Only sessions still behind Stripe; anything settled (paid, failed, flagged) stays as it is.
    if (known && (known.state === wanted || known.state !== 'open')) continue;
    const id = `reconcile:${session.id}:${wanted}`;
    if (await stripeEventSeen(ctx.db, ctx.tenantId, id)) continue;
    const outcome = await applyFound(ctx, { id, type: 'checkout.session.completed' }, session);
    if (outcome === 'paid') applied++;
  }
  return applied;
}

/** Sessions that expired unpaid while we still hold them as open: the client may pay again. */
async function reconcileExpired(ctx: TenantContext, account: TenantStripe) {
  const since = Math.floor(ctx.now.getTime() / 1000) - LOOKBACK_SECONDS - SESSION_LIFETIME_SECONDS;
  let seen = 0;
  for await (const session of account.stripe.checkout.sessions.list(
    { status: 'expired', created: { gte: since }, limit: 100 },
    onAccount(account),
  )) {
    if (++seen > MAX_SESSIONS_PER_RUN) break;
    if (session.metadata?.tenantId !== ctx.tenantId) continue;
    const known = await getCheckoutSession(ctx.db, ctx.tenantId, session.id);
    if (known?.state !== 'open') continue;
    const id = `reconcile:${session.id}:expired`;
    if (await stripeEventSeen(ctx.db, ctx.tenantId, id)) continue;
    await applyFound(ctx, { id, type: 'checkout.session.expired' }, session);
  }
}

/**
 * Bank debits still settling: their PaymentIntent says how they ended when the
 * `async_payment_*` webhook was lost. Succeeded is applied as the async success would be;
 * a payment that failed (back to `requires_payment_method`) or was canceled frees the
 * invoice for a new attempt.
 */
async function reconcileProcessing(ctx: TenantContext, account: TenantStripe) {
  let applied = 0;
  for (const row of await processingCheckoutSessions(ctx.db, ctx.tenantId, MAX_PROCESSING_PER_RUN)) {
    // One session Stripe no longer knows (keys changed, say) must not hold up every row after it.
    try {
      if ((await settleProcessing(ctx, account, row)) === 'paid') applied++;
    } catch (err) {
      ctx.log.warn('stripe reconcile skipped a processing session', {
        job: 'stripe-reconcile',
        reason: `${row.id}: ${errorText(err)}`,
      });
    }
  }
  return applied;
}

/** What the PaymentIntent of one processing session says, applied; null while it is still settling. */
async function settleProcessing(ctx: TenantContext, account: TenantStripe, row: CheckoutSessionRow) {
  const intentId =
    row.paymentIntentId ??
    (await account.stripe.checkout.sessions.retrieve(row.id, {}, onAccount(account))).payment_intent;
  const id = typeof intentId === 'string' ? intentId : intentId?.id;
  if (!id) return null;
  const intent = await account.stripe.paymentIntents.retrieve(id, {}, onAccount(account));
  const ended =
    intent.status === 'succeeded'
      ? 'paid'
      : intent.status === 'requires_payment_method' || intent.status === 'canceled'
        ? 'failed'
        : null;
  if (!ended) return null;
  const ref = {
    id: `reconcile:${row.id}:${ended}`,
    type:
      ended === 'paid' ? 'checkout.session.async_payment_succeeded' : 'checkout.session.async_payment_failed',
  };
  if (await stripeEventSeen(ctx.db, ctx.tenantId, ref.id)) return null;
  return applyFound(ctx, ref, sessionFromIntent(ctx, row, intent));
}

/**
 * The session as its async event would carry it. The metadata is our own row's (this
 * business, invoice and client); the amount and currency are what Stripe collected.
 */
function sessionFromIntent(ctx: TenantContext, row: CheckoutSessionRow, intent: Stripe.PaymentIntent) {
  return {
    id: row.id,
    amount_total: intent.amount_received || intent.amount,
    currency: intent.currency,
    payment_status: intent.status === 'succeeded' ? 'paid' : 'unpaid',
    payment_intent: intent.id,
    metadata: { tenantId: ctx.tenantId, invoiceId: row.invoiceId, clientId: row.clientId },
  };
}
