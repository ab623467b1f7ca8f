import { getCheckoutSession, stripeEventSeen, stripeTenantIds } from '@clientele/db';
import type { TenantContext } from '../context';
import { tenantStripe } from './account';
import { applyCheckoutEvent } from './apply';
import { CheckoutSessionSchema } from './event-schema';
import type { Keyring } from './sealed';

/** Webhooks Stripe gave up on are at most this old (it retries for three days). */
const LOOKBACK_SECONDS = 3 * 24 * 3600;
const MAX_SESSIONS_PER_RUN = 500;

type ReconcileEnv = Keyring & Pick<Env, 'STRIPE_API_URL' | 'PUBLIC_URL' | 'EMAIL_QUEUE'>;

/**
 * Cron: asks each business's Stripe for recently completed sessions carrying our metadata
 * and applies any whose webhook never arrived, through the same path a webhook takes (one
 * payment per session, whichever comes first). One business failing does not stop the rest.
 */
export async function reconcileStripe(db: TenantContext['db'], env: ReconcileEnv, now: Date) {
  let applied = 0;
  for (const tenantId of await stripeTenantIds(db)) {
    const ctx = { db, tenantId, now };
    try {
      applied += await reconcileTenant(ctx, env);
    } catch (err) {
      console.error(
        JSON.stringify({ level: 'error', job: 'stripe-reconcile', tenantId, message: String(err) }),
      );
    }
  }
  return applied;
}

async function reconcileTenant(ctx: TenantContext, env: ReconcileEnv) {
  const account = await tenantStripe(ctx, env);
  if (!account) return 0;
  const since = Math.floor(ctx.now.getTime() / 1000) - LOOKBACK_SECONDS;
  let applied = 0;
  let seen = 0;
  for await (const session of account.stripe.checkout.sessions.list({
    status: 'complete',
    created: { gte: since },
    limit: 100,
  })) {
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
      console.warn(
        JSON.stringify({
          level: 'warn',
          job: 'stripe-reconcile',
          tenantId: ctx.tenantId,
          reason: `malformed session ${session.id}`,
        }),
      );
      continue;
    }
    const ref = { id, type: 'checkout.session.completed' };
    const outcome = await applyCheckoutEvent(ctx, env.EMAIL_QUEUE, ref, facts.data);
    if (outcome === 'paid') applied++;
  }
  return applied;
}
