import { markCheckoutExpired, openCheckoutSessions } from '@clientele/db';
import type { TenantContext } from '../context';
import { ConflictError, UpstreamError } from '../errors';
import { errorText } from '../log';
import { onAccount, type TenantStripe } from './account';
import { type Stripe, stripeRefused } from './client';

/** More open sessions than this at once is not a real business; the rest expire in 24 h. */
const MAX_SESSIONS = 100;

/**
 * Before the business's Stripe connection changes (other keys, "Disconnect"), every session a
 * client could still pay on the current account is expired there: a payment taken on an
 * account we no longer hear from would never be applied to its invoice.
 *
 * A session that completed meanwhile stops the change (409: its payment is being recorded);
 * Stripe out of reach stops it too (502), and nothing changes. Keys Stripe no longer accepts
 * cannot expire anything, and must not keep the business from replacing them: logged, and the
 * change goes ahead.
 */
export async function expireOpenCheckouts(ctx: TenantContext, account: TenantStripe | undefined) {
  if (!account) return;
  for (const row of await openCheckoutSessions(ctx.db, ctx.tenantId, MAX_SESSIONS)) {
    let session: Stripe.Checkout.Session;
    try {
      session = await account.stripe.checkout.sessions.expire(row.id, {}, onAccount(account));
    } catch (err) {
      if (stripeRefused(err, 401) || stripeRefused(err, 403)) {
        ctx.log.warn('stripe sessions left open', { job: 'stripe-handover', reason: errorText(err) });
        return;
      }
      if (stripeRefused(err, 404)) {
        await markCheckoutExpired(ctx.db, ctx.tenantId, row.id, ctx.now);
        continue;
      }
      // 400: only open sessions can be expired; find out what it became instead.
      if (!stripeRefused(err, 400)) throw new UpstreamError('stripeUnreachableNoChange');
      try {
        session = await account.stripe.checkout.sessions.retrieve(row.id, {}, onAccount(account));
      } catch {
        throw new UpstreamError('stripeUnreachableNoChange');
      }
    }
    if (session.status === 'complete') throw new ConflictError('paymentArrivingBeforeChange');
    // Refused yet still open: it cannot be left payable behind the change.
    if (session.status === 'open') throw new UpstreamError('stripeUnreachableNoChange');
    await markCheckoutExpired(ctx.db, ctx.tenantId, row.id, ctx.now);
  }
}
