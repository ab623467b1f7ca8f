import { stripeEventSeen } from '@clientele/db';
import type { TenantContext } from '../context';
import { DomainError, type Refusal, say } from '../errors';
import { tenantKeys } from './account';
import { applyCheckoutEvent, applyRefundEvent, type EventOutcome } from './apply';
import { cryptoProvider, Stripe } from './client';
import { parseSignedEvent, type SignedEvent } from './event-schema';

/** Stripe's own default: a signature older than five minutes is a replay. */
const TOLERANCE_SECONDS = 300;

export class BadSignatureError extends DomainError {
  constructor(detail: Refusal) {
    super(400, detail);
  }
}

export type WebhookResult = { eventId: string; outcome: EventOutcome | 'duplicate' };

/** A refusal is logged with its reason (never the body, the header or a secret) and answered 400. */
export function refuse(ctx: Pick<TenantContext, 'log'>, reason: string, detail: Refusal): never {
  ctx.log.warn('stripe webhook refused', { job: 'stripe-webhook', reason });
  throw new BadSignatureError(detail);
}

/**
 * The `t=` the sender signed. The SDK only refuses signatures older than its tolerance, so
 * one dated a year ahead would stay valid for a year: both directions are checked here.
 */
function signedAt(header: string): number | null {
  const stamps = header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('t='))
    .map((part) => part.slice(2));
  if (stamps.length !== 1 || !/^\d{1,12}$/.test(stamps[0]!)) return null;
  return Number(stamps[0]);
}

/**
 * One delivery to `/webhooks/stripe/{tenantId}`: verified with that business's signing
 * secret over the raw body, its timestamp within five minutes of now either way, its shape
 * checked for the event type, then applied once. A second copy (retry, replay, or twenty at
 * once) finds the event row and changes nothing. Every refusal happens before any write.
 */
export async function receiveStripeEvent(
  ctx: TenantContext,
  rawBody: string,
  signature: string | undefined,
): Promise<WebhookResult> {
  const account = await tenantKeys(ctx);
  if (!account) refuse(ctx, 'stripe not set up', 'stripeNotSetUp');
  await verifySignature(ctx, rawBody, signature, account.webhookSecret, 'signatureMismatch');
  const parsed = parseSignedEvent(rawBody);
  if (!parsed.ok) refuse(ctx, `malformed event: ${parsed.reason}`, say('eventMalformed', parsed.reason));
  return applyOnce(ctx, parsed.event);
}

/**
 * The signature over the raw body with the endpoint's secret (either generation's `v1`
 * scheme, as the SDK checks it), and its `t=` within five minutes of now either way.
 */
export async function verifySignature(
  ctx: Pick<TenantContext, 'log' | 'now'>,
  rawBody: string,
  signature: string | undefined,
  secret: string,
  mismatch: Refusal,
) {
  if (!signature) refuse(ctx, 'no signature header', 'noSignatureHeader');
  try {
    // Checking a signature needs no key: the SDK's static helper, whichever method connected.
    const verifier = Stripe.webhooks.signature;
    if (!verifier) throw new Error('no verifier');
    await verifier.verifyHeaderAsync(
      rawBody,
      signature,
      secret,
      TOLERANCE_SECONDS,
      cryptoProvider,
      ctx.now.getTime(),
    );
  } catch {
    refuse(ctx, 'signature mismatch or too old', mismatch);
  }
  const at = signedAt(signature);
  if (at === null || Math.abs(ctx.now.getTime() / 1000 - at) > TOLERANCE_SECONDS) {
    refuse(ctx, 'timestamp outside five minutes', 'signatureTooOld');
  }
}

/**
 * A verified event for one business, applied once whichever endpoint it came through (the
 * business's own, or the platform's Connect endpoint). A second copy (retry, replay, or
 * twenty at once) finds the event row and changes nothing.
 */
export async function applyOnce(
  ctx: TenantContext,
  event: SignedEvent,
  more: (ctx: TenantContext, event: SignedEvent) => Promise<EventOutcome | undefined> = async () => undefined,
): Promise<WebhookResult> {
  if (await stripeEventSeen(ctx.db, ctx.tenantId, event.id))
    return { eventId: event.id, outcome: 'duplicate' };
  try {
    return { eventId: event.id, outcome: (await more(ctx, event)) ?? (await dispatch(ctx, event)) };
  } catch (err) {
    // Copies racing each other: the first batch wins, the others hit the event's key.
    if (await stripeEventSeen(ctx.db, ctx.tenantId, event.id))
      return { eventId: event.id, outcome: 'duplicate' };
    throw err;
  }
}

async function dispatch(ctx: TenantContext, event: SignedEvent): Promise<EventOutcome> {
  const ref = { id: event.id, type: event.type };
  switch (event.kind) {
    case 'checkout':
      return applyCheckoutEvent(ctx, ref, event.session);
    case 'refund':
      return applyRefundEvent(ctx, ref, event.charge);
    default:
      // Other events the endpoint may be subscribed to: acknowledged, nothing to do.
      return 'ignored';
  }
}
