import { recordStripeEvent, stripeEventSeen } from '@clientele/db';
import type { TenantContext } from '../context';
import { DomainError, type Refusal, RetryLaterError, say } from '../errors';
import { errorText } from '../log';
import { onAccount, tenantKeys } from './account';
import { applyCheckoutEvent, applyRefundEvent, type EventOutcome } from './apply';
import { cryptoProvider, PINNED_API_VERSION, Stripe, stripeRefused } from './client';
import { applyDisputeEvent } from './disputes';
import {
  ChargeSchema,
  CheckoutSessionSchema,
  DisputeSchema,
  parseSignedEvent,
  type SignedEvent,
} from './event-schema';

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
  return applyOnce(ctx, parsed.event, account);
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
 * Where an event came from: the Stripe account that sent it (a client for it, and for a
 * connected account its id, to read objects back at the pinned version) and its mode.
 */
export interface EventSource {
  stripe: Stripe;
  stripeAccount?: string;
  livemode: boolean;
}

/**
 * A verified event for one business, applied once whichever endpoint it came through (the
 * business's own, or the platform's Connect endpoint). A second copy (retry, replay, or
 * twenty at once) finds the event row and changes nothing.
 */
export async function applyOnce(
  ctx: TenantContext,
  event: SignedEvent,
  source: EventSource,
  more: (ctx: TenantContext, event: SignedEvent) => Promise<EventOutcome | undefined> = async () => undefined,
): Promise<WebhookResult> {
  if (await stripeEventSeen(ctx.db, ctx.tenantId, event.id))
    return { eventId: event.id, outcome: 'duplicate' };
  // Signed with this business's secret, yet from the other mode (its live endpoint's secret
  // pasted beside test keys, say): nothing in it is applied. Answered 200, not 400: Stripe
  // retries any non-2xx for three days and a retry cannot change the event's mode, while
  // its guidance is to acknowledge events an endpoint will not act on. Kept (so a copy is a
  // duplicate) and logged for the business to fix its keys.
  if (event.livemode !== null && event.livemode !== source.livemode) {
    const why = `${event.livemode ? 'live' : 'test'}-mode event, ${source.livemode ? 'live' : 'test'}-mode keys`;
    ctx.log.warn('stripe webhook ignored', { job: 'stripe-webhook', reason: why });
    await recordStripeEvent(
      ctx.db,
      ctx.tenantId,
      { id: event.id, type: event.type, invoiceId: null, outcome: `ignored: ${why}` },
      ctx.now,
    );
    return { eventId: event.id, outcome: 'ignored' };
  }
  try {
    const outcome =
      (await more(ctx, event)) ?? (await dispatch(ctx, await atPinnedVersion(ctx, source, event)));
    return { eventId: event.id, outcome };
  } catch (err) {
    // Copies racing each other: the first batch wins, the others hit the event's key.
    if (await stripeEventSeen(ctx.db, ctx.tenantId, event.id))
      return { eventId: event.id, outcome: 'duplicate' };
    throw err;
  }
}

/**
 * An event rendered for another API version than the one the product is written for (an
 * endpoint created with an older or newer version) may name or mean its fields differently:
 * its object is read again from Stripe's API, which the SDK calls at the pinned version,
 * and that copy is applied. If Stripe cannot be reached the event is answered 503 and
 * retried; nothing is applied from fields we cannot trust.
 */
async function atPinnedVersion(
  ctx: TenantContext,
  source: EventSource,
  event: SignedEvent,
): Promise<SignedEvent> {
  const { stripe } = source;
  const on = onAccount(source);
  if (event.kind === 'other' || event.apiVersion === PINNED_API_VERSION) return event;
  ctx.log.warn('stripe event from another API version', {
    job: 'stripe-webhook',
    reason: `event ${event.id} rendered for ${event.apiVersion ?? '(none)'}, expected ${PINNED_API_VERSION}; re-read from Stripe`,
  });
  try {
    if (event.kind === 'checkout') {
      const session = CheckoutSessionSchema.parse(
        await stripe.checkout.sessions.retrieve(event.session.id, {}, on),
      );
      return { ...event, session };
    }
    if (event.kind === 'refund') {
      return { ...event, charge: ChargeSchema.parse(await stripe.charges.retrieve(event.charge.id, {}, on)) };
    }
    return {
      ...event,
      dispute: DisputeSchema.parse(await stripe.disputes.retrieve(event.dispute.id, {}, on)),
    };
  } catch (err) {
    // Stripe has no such object on this account: no retry will find it, so it is refused
    // like any event we cannot read, rather than asking Stripe to resend it for three days.
    if (stripeRefused(err, 404)) {
      refuse(ctx, `re-read: ${errorText(err)}`, say('eventMalformed', 'data.object: unknown to Stripe'));
    }
    ctx.log.warn('stripe re-read failed', { job: 'stripe-webhook', reason: errorText(err) });
    throw new RetryLaterError('stripeUnreachable');
  }
}

async function dispatch(ctx: TenantContext, event: SignedEvent): Promise<EventOutcome> {
  const ref = { id: event.id, type: event.type };
  switch (event.kind) {
    case 'checkout':
      return applyCheckoutEvent(ctx, ref, event.session);
    case 'refund':
      return applyRefundEvent(ctx, ref, event.charge);
    case 'dispute':
      return applyDisputeEvent(ctx, { ...ref, created: event.created }, event.dispute);
    default:
      // Other events the endpoint may be subscribed to: acknowledged, nothing to do.
      return 'ignored';
  }
}
