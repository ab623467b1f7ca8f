import {
  deleteStripeConnections,
  getStripeAccount,
  getStripeConnect,
  putStripeAccount,
  type StripeAccountRow,
  type StripeConnectRow,
} from '@clientele/db';
import { auditLine } from '../audit';
import type { AppContext, TenantContext } from '../context';
import { type FieldRefusal, say, UpstreamError, ValidationError } from '../errors';
import { PINNED_API_VERSION, Stripe } from './client';
import { refreshedConnect } from './connect';
import { letGoOfAccount } from './connect-oauth';
import { expireOpenCheckouts } from './handover';
import type { StripeKeysInput, StripeSettingsView } from './schema';
import { currentKeyId, open, seal } from './sealed';

/** The events a business enables on its Stripe webhook endpoint. */
export const STRIPE_EVENTS = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'charge.refunded',
  'charge.dispute.created',
  'charge.dispute.updated',
  'charge.dispute.closed',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.funds_reinstated',
] as const;

export const webhookUrl = (ctx: Pick<AppContext, 'config'>, tenantId: string) =>
  `${new URL(ctx.config.publicUrl).origin}/webhooks/stripe/${tenantId}`;

/** How the business is paid: Connect once onboarding is done, else its pasted keys, else not at all. */
export function stripeMethod(
  ctx: Pick<TenantContext, 'stripe'>,
  keys: StripeAccountRow | undefined,
  connect: StripeConnectRow | undefined,
): 'connect' | 'keys' | null {
  if (connect?.detailsSubmitted && ctx.stripe.platform) return 'connect';
  return keys ? 'keys' : null;
}

export function view(
  ctx: TenantContext,
  row: StripeAccountRow | undefined,
  connect?: StripeConnectRow,
): StripeSettingsView {
  const method = stripeMethod(ctx, row, connect);
  return {
    configured: method !== null,
    method,
    connectAvailable: ctx.stripe.platform !== null,
    canLinkExisting: Boolean(ctx.stripe.platform?.clientId),
    accountId: connect?.accountId ?? null,
    chargesEnabled: method === 'connect' ? Boolean(connect?.chargesEnabled) : method === 'keys',
    detailsSubmitted: connect?.detailsSubmitted ?? false,
    requirementsDue: connect?.requirementsDue ?? [],
    livemode: connect ? connect.livemode : row ? row.mode === 'live' : null,
    publishableKey: row?.publishableKey ?? null,
    secretKeyLast4: row?.secretKeyLast4 ?? null,
    mode: method === 'connect' && connect ? (connect.livemode ? 'live' : 'test') : (row?.mode ?? null),
    webhookUrl: webhookUrl(ctx, ctx.tenantId),
    events: [...STRIPE_EVENTS],
    apiVersion: PINNED_API_VERSION,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function stripeSettings(ctx: TenantContext) {
  const [row, connect] = await Promise.all([getStripeAccount(ctx.db, ctx.tenantId), refreshedConnect(ctx)]);
  return view(ctx, row, connect);
}

const modeOf = (key: string) => (/_(live)_/.test(key) ? 'live' : 'test');

function checkShapes(input: StripeKeysInput) {
  const errors: FieldRefusal[] = [];
  if (!/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/.test(input.secretKey)) {
    errors.push({
      path: 'secretKey',
      message: 'notStripeSecretKey',
    });
  }
  if (!/^pk_(test|live)_[A-Za-z0-9]+$/.test(input.publishableKey)) {
    errors.push({
      path: 'publishableKey',
      message: 'notStripePublishableKey',
    });
  } else if (errors.length === 0 && modeOf(input.publishableKey) !== modeOf(input.secretKey)) {
    errors.push({
      path: 'publishableKey',
      message: say('stripeModeMismatch', modeOf(input.publishableKey) === 'live'),
    });
  }
  if (!/^whsec_[A-Za-z0-9+/=]+$/.test(input.webhookSecret)) {
    errors.push({
      path: 'webhookSecret',
      message: 'notWebhookSecret',
    });
  }
  if (errors.length) throw new ValidationError(errors);
}

/**
 * Saves the business's keys after one cheap call proves Stripe accepts the secret key.
 * Both secrets are sealed before they are stored and never leave the Worker again.
 */
export async function saveStripeSettings(ctx: TenantContext, input: StripeKeysInput) {
  checkShapes(input);
  try {
    await ctx.stripe.client(input.secretKey).balance.retrieve();
  } catch (err) {
    if (
      err instanceof Stripe.errors.StripeAuthenticationError ||
      err instanceof Stripe.errors.StripePermissionError
    ) {
      throw new ValidationError([
        {
          path: 'secretKey',
          message: 'stripeKeyRefused',
        },
      ]);
    }
    throw new UpstreamError('stripeUnreachable');
  }
  // Sessions opened with the keys being replaced would be paid where we no longer listen.
  // While Connect is in use, pasted keys do not take over, and its sessions stay.
  const inUse = await tenantStripe(ctx);
  if (inUse?.method === 'keys') await expireOpenCheckouts(ctx, inUse);
  const row: StripeAccountRow = {
    tenantId: ctx.tenantId,
    publishableKey: input.publishableKey,
    secretKeySealed: await seal(ctx.stripe.keyring, ctx.tenantId, input.secretKey),
    webhookSecretSealed: await seal(ctx.stripe.keyring, ctx.tenantId, input.webhookSecret),
    secretKeyLast4: input.secretKey.slice(-4),
    mode: modeOf(input.secretKey),
    keyId: await currentKeyId(ctx.stripe.keyring),
    updatedAt: ctx.now,
  };
  await putStripeAccount(ctx.db, row, (id) => [
    auditLine(
      ctx,
      'stripe.connected',
      { type: 'business', id },
      { mode: row.mode, keyEnding: row.secretKeyLast4 },
    ),
  ]);
  return view(ctx, row, await getStripeConnect(ctx.db, ctx.tenantId));
}

/**
 * "Disconnect": forgets the connected account and any pasted keys in one batch. The Stripe
 * account itself stays the business's own (a Standard account); only our access ends.
 */
export async function removeStripe(ctx: TenantContext) {
  const [row, connect] = await Promise.all([
    getStripeAccount(ctx.db, ctx.tenantId),
    getStripeConnect(ctx.db, ctx.tenantId),
  ]);
  if (!row && !connect) return;
  // Sessions on the account being let go of expire first: paid there, they would reach no invoice.
  await expireOpenCheckouts(ctx, await tenantStripe(ctx));
  if (connect) await letGoOfAccount(ctx, connect.accountId);
  const detail = { method: connect ? 'connect' : 'keys', accountId: connect?.accountId ?? null };
  await deleteStripeConnections(ctx.db, ctx.tenantId, (id) => [
    auditLine(ctx, 'stripe.disconnected', { type: 'business', id }, detail),
  ]);
}

type Ctx = Pick<TenantContext, 'db' | 'tenantId' | 'stripe'>;

/**
 * The business's Stripe for one request, whichever way it connected. A Connect business is
 * reached with the platform's key and its account id (`Stripe-Account`, through `onAccount`):
 * direct charges, so the business is the merchant of record and pays its own fees.
 */
export interface TenantStripe {
  method: 'connect' | 'keys';
  stripe: Stripe;
  publishableKey: string;
  /** The connected account every call is made on; absent for pasted keys. */
  stripeAccount?: string;
  livemode: boolean;
  /** False while a connected account still has requirements before it may charge. */
  chargesEnabled: boolean;
}

/** Request options for a call on the business's account: `{ stripeAccount }` merged in. */
export function onAccount<T extends Stripe.RequestOptions>(
  account: Pick<TenantStripe, 'stripeAccount'>,
  options?: T,
) {
  return account.stripeAccount ? { ...options, stripeAccount: account.stripeAccount } : { ...options };
}

/** The business's Stripe, unsealed for one request; undefined when it has none. */
export async function tenantStripe(ctx: Ctx): Promise<TenantStripe | undefined> {
  const [row, connect] = await Promise.all([
    getStripeAccount(ctx.db, ctx.tenantId),
    getStripeConnect(ctx.db, ctx.tenantId),
  ]);
  const platform = ctx.stripe.platform;
  if (stripeMethod(ctx, row, connect) === 'connect' && connect && platform) {
    return {
      method: 'connect',
      stripe: ctx.stripe.client(platform.secretKey),
      publishableKey: platform.publishableKey,
      stripeAccount: connect.accountId,
      livemode: connect.livemode,
      chargesEnabled: connect.chargesEnabled,
    };
  }
  if (!row) return undefined;
  return {
    method: 'keys',
    stripe: ctx.stripe.client(await open(ctx.stripe.keyring, ctx.tenantId, row.secretKeySealed)),
    publishableKey: row.publishableKey,
    livemode: row.mode === 'live',
    chargesEnabled: true,
  };
}

/** The business's pasted keys with their webhook secret, for its own endpoint's events. */
export async function tenantKeys(ctx: Ctx) {
  const row = await getStripeAccount(ctx.db, ctx.tenantId);
  if (!row) return undefined;
  const [secretKey, webhookSecret] = await Promise.all([
    open(ctx.stripe.keyring, ctx.tenantId, row.secretKeySealed),
    open(ctx.stripe.keyring, ctx.tenantId, row.webhookSecretSealed),
  ]);
  return { stripe: ctx.stripe.client(secretKey), webhookSecret, livemode: row.mode === 'live' };
}

/**
 * What Stripe.js needs to show "Pay now" (no secret is opened for this): the publishable key,
 * and for a Connect business the platform's key with the connected account. Undefined when
 * the business cannot take a payment online yet.
 */
export async function payNowKeys(
  ctx: Ctx,
): Promise<{ publishableKey: string; stripeAccount?: string } | undefined> {
  const [row, connect] = await Promise.all([
    getStripeAccount(ctx.db, ctx.tenantId),
    getStripeConnect(ctx.db, ctx.tenantId),
  ]);
  const method = stripeMethod(ctx, row, connect);
  if (method === 'connect' && connect && ctx.stripe.platform) {
    return connect.chargesEnabled
      ? { publishableKey: ctx.stripe.platform.publishableKey, stripeAccount: connect.accountId }
      : undefined;
  }
  return row ? { publishableKey: row.publishableKey } : undefined;
}

/** The publishable key when "Pay now" can be offered. */
export async function publishableKey(ctx: Ctx) {
  return (await payNowKeys(ctx))?.publishableKey;
}
