import {
  deleteStripeAccount,
  getStripeAccount,
  putStripeAccount,
  type StripeAccountRow,
} from '@clientele/db';
import { auditLine, auditLineIfChanged } from '../audit';
import type { AppContext, TenantContext } from '../context';
import { type FieldRefusal, say, UpstreamError, ValidationError } from '../errors';
import { Stripe } from './client';
import type { StripeKeysInput, StripeSettingsView } from './schema';
import { currentKeyId, open, seal } from './sealed';

/** The events a business enables on its Stripe webhook endpoint. */
export const STRIPE_EVENTS = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'charge.refunded',
] as const;

export const webhookUrl = (ctx: Pick<AppContext, 'config'>, tenantId: string) =>
  `${new URL(ctx.config.publicUrl).origin}/webhooks/stripe/${tenantId}`;

function view(ctx: TenantContext, row: StripeAccountRow | undefined): StripeSettingsView {
  return {
    configured: Boolean(row),
    publishableKey: row?.publishableKey ?? null,
    secretKeyLast4: row?.secretKeyLast4 ?? null,
    mode: row?.mode ?? null,
    webhookUrl: webhookUrl(ctx, ctx.tenantId),
    events: [...STRIPE_EVENTS],
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function stripeSettings(ctx: TenantContext) {
  return view(ctx, await getStripeAccount(ctx.db, ctx.tenantId));
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
  return view(ctx, row);
}

export async function removeStripe(ctx: TenantContext) {
  await deleteStripeAccount(ctx.db, ctx.tenantId, (id) => [
    auditLineIfChanged(ctx, 'stripe.disconnected', { type: 'business', id }),
  ]);
}

/** The business's Stripe, unsealed for one request; undefined when it has none. */
export async function tenantStripe(ctx: Pick<TenantContext, 'db' | 'tenantId' | 'stripe'>) {
  const row = await getStripeAccount(ctx.db, ctx.tenantId);
  if (!row) return undefined;
  const [secretKey, webhookSecret] = await Promise.all([
    open(ctx.stripe.keyring, ctx.tenantId, row.secretKeySealed),
    open(ctx.stripe.keyring, ctx.tenantId, row.webhookSecretSealed),
  ]);
  return { stripe: ctx.stripe.client(secretKey), publishableKey: row.publishableKey, webhookSecret };
}

/** The publishable key when "Pay now" can be offered (no secret is opened for this). */
export async function publishableKey(ctx: Pick<TenantContext, 'db' | 'tenantId'>) {
  return (await getStripeAccount(ctx.db, ctx.tenantId))?.publishableKey;
}
