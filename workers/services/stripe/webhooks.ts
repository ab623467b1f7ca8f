import { stripeEventSeen } from '@clientele/db';
import type Stripe from 'stripe';
import type { TenantContext } from '../context';
import { DomainError } from '../errors';
import { tenantStripe } from './account';
import { applyCheckoutEvent, applyRefundEvent, type EventOutcome } from './apply';
import { cryptoProvider } from './client';
import type { Keyring } from './sealed';

/** Stripe's own default: a signature older than five minutes is a replay. */
const TOLERANCE_SECONDS = 300;

export class BadSignatureError extends DomainError {
  constructor(detail: string) {
    super(400, 'Bad Request', detail);
  }
}

export type WebhookResult = { eventId: string; outcome: EventOutcome | 'duplicate' };

type WebhookEnv = Keyring & Pick<Env, 'STRIPE_API_URL' | 'PUBLIC_URL' | 'EMAIL_QUEUE'>;

/**
 * One delivery to `/webhooks/stripe/{tenantId}`: verified with that business's signing
 * secret over the raw body, then applied once. A second copy (retry, replay, or twenty at
 * once) finds the event row and changes nothing.
 */
export async function receiveStripeEvent(
  ctx: TenantContext,
  env: WebhookEnv,
  rawBody: string,
  signature: string | undefined,
): Promise<WebhookResult> {
  const account = await tenantStripe(ctx, env);
  if (!account) throw new BadSignatureError('Stripe is not set up for this business');
  if (!signature) throw new BadSignatureError('Missing Stripe-Signature header');
  let event: Stripe.Event;
  try {
    event = await account.stripe.webhooks.constructEventAsync(
      rawBody,
      signature,
      account.webhookSecret,
      TOLERANCE_SECONDS,
      cryptoProvider,
    );
  } catch {
    throw new BadSignatureError('The Stripe signature does not match this business’s webhook signing secret');
  }
  if (await stripeEventSeen(ctx.db, ctx.tenantId, event.id))
    return { eventId: event.id, outcome: 'duplicate' };
  try {
    return { eventId: event.id, outcome: await dispatch(ctx, env.EMAIL_QUEUE, event) };
  } catch (err) {
    // Copies racing each other: the first batch wins, the others hit the event's key.
    if (await stripeEventSeen(ctx.db, ctx.tenantId, event.id))
      return { eventId: event.id, outcome: 'duplicate' };
    throw err;
  }
}

async function dispatch(ctx: TenantContext, queue: Queue, event: Stripe.Event): Promise<EventOutcome> {
  const ref = { id: event.id, type: event.type };
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed':
      return applyCheckoutEvent(ctx, queue, ref, event.data.object);
    case 'charge.refunded':
      return applyRefundEvent(ctx, ref, event.data.object);
    default:
      // Other events the endpoint may be subscribed to: acknowledged, nothing to do.
      return 'ignored';
  }
}
