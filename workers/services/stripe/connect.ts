import {
  addStripeConnect,
  connectEventRow,
  getStripeConnect,
  getTenant,
  type StripeConnectRow,
  updateStripeConnect,
} from '@clientele/db';
import { auditLine } from '../audit';
import type { TenantContext } from '../context';
import { ConflictError, UpstreamError } from '../errors';
import { errorText } from '../log';
import type { Stripe } from './client';

/** What we keep of a connected account: Stripe's word on whether it may charge, and what it still needs. */
export interface AccountFacts {
  id: string;
  charges_enabled: boolean;
  details_submitted: boolean;
  requirements?: { currently_due?: string[] | null } | null;
}

export const statusOf = (account: AccountFacts, now: Date) => ({
  chargesEnabled: account.charges_enabled,
  detailsSubmitted: account.details_submitted,
  requirementsDue: (account.requirements?.currently_due ?? [])
    .slice(0, 100)
    .map((r) => String(r).slice(0, 200)),
  updatedAt: now,
});

const COUNTRY = /^[A-Z]{2}$/;

function platformOf(ctx: TenantContext) {
  const platform = ctx.stripe.platform;
  if (!platform) throw new ConflictError('connectNotOffered');
  return { platform, stripe: ctx.stripe.client(platform.secretKey) };
}

/**
 * "Connect with Stripe": a Standard account for the business the first time (the pending one
 * is reused after that, so abandoning onboarding never leaves a trail of accounts), then an
 * Account Link to Stripe's onboarding that comes back to Settings. The account is recorded
 * before the link is made, so a failure in between still reuses it next time.
 */
export async function startConnect(ctx: TenantContext): Promise<{ url: string }> {
  const { platform, stripe } = platformOf(ctx);
  let row = await getStripeConnect(ctx.db, ctx.tenantId);
  if (!row) {
    const tenant = await getTenant(ctx.db, ctx.tenantId);
    let account: Stripe.Account;
    try {
      account = await stripe.accounts.create(
        {
          type: 'standard',
          ...(tenant?.email ? { email: tenant.email } : {}),
          ...(tenant?.country && COUNTRY.test(tenant.country) ? { country: tenant.country } : {}),
          metadata: { tenantId: ctx.tenantId },
        },
        // One account per business even when two tabs press the button at once.
        { idempotencyKey: `connect-account:${ctx.tenantId}` },
      );
    } catch (err) {
      ctx.log.warn('stripe connect refused', { job: 'stripe-connect', error: errorText(err) });
      throw new UpstreamError('connectRefused');
    }
    const created: StripeConnectRow = {
      tenantId: ctx.tenantId,
      accountId: account.id,
      livemode: platform.livemode,
      ...statusOf(account, ctx.now),
      createdAt: ctx.now,
    };
    await addStripeConnect(ctx.db, created, (id) => [
      auditLine(ctx, 'stripe.connect_started', { type: 'business', id }, { accountId: account.id }),
    ]);
    row = (await getStripeConnect(ctx.db, ctx.tenantId)) ?? created;
  }
  const settings = `${new URL(ctx.config.publicUrl).origin}/settings`;
  try {
    const link = await stripe.accountLinks.create({
      account: row.accountId,
      refresh_url: `${settings}?stripe=refresh`,
      return_url: `${settings}?stripe=return`,
      type: 'account_onboarding',
    });
    return { url: link.url };
  } catch (err) {
    ctx.log.warn('stripe account link refused', { job: 'stripe-connect', error: errorText(err) });
    throw new UpstreamError('connectRefused');
  }
}

/** Records what Stripe says about the business's account (from `account.updated` or a read). */
export async function recordAccountStatus(
  ctx: TenantContext,
  account: AccountFacts,
  event?: { id: string; type: string },
) {
  const status = statusOf(account, ctx.now);
  const before = await getStripeConnect(ctx.db, ctx.tenantId);
  if (!before || before.accountId !== account.id) return false;
  const completes = status.detailsSubmitted && !before.detailsSubmitted;
  return updateStripeConnect(ctx.db, ctx.tenantId, account.id, status, (id) => [
    ...(completes
      ? [
          auditLine(
            ctx,
            'stripe.connected',
            { type: 'business', id },
            { method: 'connect', accountId: account.id },
          ),
        ]
      : []),
    ...(event ? [connectEventRow(ctx.db, id, { ...event, outcome: 'account' }, ctx.now)] : []),
  ]);
}

/**
 * The connected account as Settings shows it. While onboarding is unfinished (someone just came
 * back from Stripe, or requirements are due) the account is read from Stripe first, so the
 * screen never waits for the `account.updated` event; once it may charge, events keep it current.
 * Stripe being unreachable only means the stored status is shown.
 */
export async function refreshedConnect(ctx: TenantContext) {
  const row = await getStripeConnect(ctx.db, ctx.tenantId);
  const platform = ctx.stripe.platform;
  if (!row || !platform || (row.chargesEnabled && row.detailsSubmitted)) return row;
  try {
    const account = await ctx.stripe.client(platform.secretKey).accounts.retrieve(row.accountId);
    await recordAccountStatus(ctx, account);
  } catch (err) {
    ctx.log.warn('stripe account read failed', { job: 'stripe-connect', error: errorText(err) });
    return row;
  }
  return getStripeConnect(ctx.db, ctx.tenantId);
}
