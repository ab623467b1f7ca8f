import { connectEventRow, deleteStripeConnectAccount, stripeConnectByAccount } from '@clientele/db';
import { z } from 'zod';
import { auditLine } from '../audit';
import { type AppContext, forTenant, type TenantContext } from '../context';
import { DomainError, say } from '../errors';
import type { EventOutcome } from './apply';
import { recordAccountStatus } from './connect';
import { parseSignedEvent, type SignedEvent } from './event-schema';
import { applyOnce, refuse, verifySignature, type WebhookResult } from './webhooks';

const accountId = z.string().regex(/^acct_[A-Za-z0-9]{1,100}$/);

/** What routing needs from a Connect event: which account it is about, and in which mode. */
const ConnectEnvelope = z.looseObject({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  account: accountId.nullable().optional(),
  livemode: z.boolean(),
  data: z.looseObject({ object: z.looseObject({}) }),
});

const AccountSchema = z.looseObject({
  id: accountId,
  charges_enabled: z.boolean(),
  details_submitted: z.boolean(),
  requirements: z
    .looseObject({ currently_due: z.array(z.string().max(200)).max(200).nullable().optional() })
    .nullable()
    .optional(),
});

export type ConnectResult = WebhookResult | { eventId: string; outcome: 'ignored' };

/**
 * One delivery to the platform's Connect endpoint (`/webhooks/stripe/connect`): verified with
 * the platform's Connect signing secret, ignored when its mode is not the platform's (a test
 * event never pays a live invoice, nor the reverse), then routed by `event.account` to the one
 * business that connected that account and applied through the same handlers as the business's
 * own endpoint. An event naming no account, or an account no business has, is acknowledged
 * (so Stripe stops retrying) and logged, and changes nothing.
 */
export async function receiveConnectEvent(
  app: AppContext,
  rawBody: string,
  signature: string | undefined,
): Promise<ConnectResult> {
  const platform = app.stripe.platform;
  if (!platform?.webhookSecret) throw new DomainError(404, 'connectNoEndpoint');
  await verifySignature(app, rawBody, signature, platform.webhookSecret, 'connectSignatureMismatch');
  const parsed = parseSignedEvent(rawBody);
  if (!parsed.ok) refuse(app, `malformed event: ${parsed.reason}`, say('eventMalformed', parsed.reason));
  const head = ConnectEnvelope.safeParse(JSON.parse(rawBody));
  if (!head.success) {
    refuse(app, 'malformed connect event', say('eventMalformed', head.error.issues[0]?.message ?? ''));
  }
  const { account, livemode } = head.data;
  if (livemode !== platform.livemode) {
    // Stripe sends a live platform's Connect endpoint its accounts' test events as well, and
    // retries any non-2xx for three days: acknowledged, as the business's own endpoint does,
    // and never applied.
    app.log.warn('stripe connect event ignored', {
      job: 'stripe-webhook',
      reason: `${livemode ? 'live' : 'test'}-mode event, ${platform.livemode ? 'live' : 'test'}-mode platform`,
    });
    return { eventId: head.data.id, outcome: 'ignored' };
  }
  if (!account) {
    app.log.warn('stripe connect event ignored', { job: 'stripe-webhook', reason: 'no account' });
    return { eventId: head.data.id, outcome: 'ignored' };
  }
  const row = await stripeConnectByAccount(app.db, account);
  if (!row) {
    app.log.warn('stripe connect event ignored', { job: 'stripe-webhook', reason: 'unknown account' });
    return { eventId: head.data.id, outcome: 'ignored' };
  }
  const ctx = forTenant(app, row.tenantId);
  // Objects are read back (an event of another API version) on the connected account.
  const source = { stripe: app.stripe.client(platform.secretKey), stripeAccount: account, livemode };
  return applyOnce(ctx, parsed.event, source, (c, event) =>
    accountEvent(c, event, account, head.data.data.object),
  );
}

/** The events about the connected account itself; everything else goes to the shared handlers. */
async function accountEvent(
  ctx: TenantContext,
  event: SignedEvent,
  account: string,
  object: Record<string, unknown>,
): Promise<EventOutcome | undefined> {
  const ref = { id: event.id, type: event.type };
  if (event.type === 'account.updated') {
    const facts = AccountSchema.safeParse(object);
    if (!facts.success || facts.data.id !== account) {
      refuse(ctx, 'malformed account', say('eventMalformed', 'data.object: not the event’s account'));
    }
    await recordAccountStatus(ctx, facts.data, ref);
    return 'ignored';
  }
  if (event.type === 'account.application.deauthorized') {
    // The business revoked the platform's access in Stripe: the same as "Disconnect" here.
    await deleteStripeConnectAccount(ctx.db, ctx.tenantId, account, (id) => [
      auditLine(
        ctx,
        'stripe.disconnected',
        { type: 'business', id },
        { method: 'connect', accountId: account },
      ),
      connectEventRow(ctx.db, id, { ...ref, outcome: 'deauthorized' }, ctx.now),
    ]);
    return 'ignored';
  }
  return undefined;
}
