import { getCheckoutSession, stripeEventSeen, stripeTenantIds } from '@clientele/db';
import { type AppContext, forTenant, type TenantContext } from '../context';
import { errorText } from '../log';
import { onAccount, tenantStripe } from './account';
import { applyCheckoutEvent } from './apply';
import { CheckoutSessionSchema } from './event-schema';

/** Webhooks Stripe gave up on are at most this old (it retries for three days). */
const LOOKBACK_SECONDS = 3 * 24 * 3600;
const MAX_SESSIONS_PER_RUN = 500;

/**
 * Cron: asks each business's Stripe for recently completed sessions carrying our metadata
 * and applies any whose webhook never arrived, through the same path a webhook takes (one
 * payment per session, whichever comes first). One business failing does not stop the rest.
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
    // Held to the same shape as a webhook's session: what Stripe's API returns is input too.
    const facts = CheckoutSessionSchema.safeParse(session);
    if (!facts.success) {
      ctx.log.warn('stripe reconcile skipped a session', {
        job: 'stripe-reconcile',
        reason: `malformed session ${session.id}`,
      });
      continue;
    }
    const ref = { id, type: 'checkout.session.completed' };
    const outcome = await applyCheckoutEvent(ctx, ref, facts.data);
    if (outcome === 'paid') applied++;
  }
  return applied;
}
