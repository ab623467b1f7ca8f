import { Hono } from 'hono';
import { forTenant } from '../../services/context';
import { DomainError, say } from '../../services/errors';
import { receiveConnectEvent } from '../../services/stripe/connect-webhook';
import { receiveStripeEvent } from '../../services/stripe/webhooks';
import type { HonoEnv } from '../hono-env';
import { serverTiming } from '../middleware/context';
import { noStore } from '../middleware/no-store';
import { renderError } from '../problem';

/** Stripe's events are small; anything bigger is not from Stripe. */
const MAX_EVENT_BYTES = 512 * 1024;

/**
 * Webhooks from outside: no session, no cookies. Each business has its own URL, verified
 * with its own signing secret over the raw body; the tenant comes from the path and
 * counts only once the signature proves the sender holds that business's secret.
 */
export function createWebhooks() {
  const hooks = new Hono<HonoEnv>();
  hooks.use('*', noStore(), serverTiming());
  // The platform's one Connect endpoint: the business comes from the signed event's `account`.
  hooks.post('/stripe/connect', async (c) => {
    const raw = await c.req.text();
    if (raw.length > MAX_EVENT_BYTES) throw new DomainError(413, 'eventTooLarge');
    const result = await receiveConnectEvent(c.var.ctx, raw, c.req.header('stripe-signature'));
    return c.json({ received: true, ...result }, 200);
  });
  hooks.post('/stripe/:tenantId', async (c) => {
    const tenantId = c.req.param('tenantId');
    if (!/^ten_[0-9a-z]{24}$/.test(tenantId)) throw new DomainError(404, 'noWebhookEndpoint');
    const raw = await c.req.text();
    if (raw.length > MAX_EVENT_BYTES) throw new DomainError(413, 'eventTooLarge');
    // The path names the business; it counts only once the signature proves the sender.
    const result = await receiveStripeEvent(
      forTenant(c.var.ctx, tenantId),
      raw,
      c.req.header('stripe-signature'),
    );
    return c.json({ received: true, ...result }, 200);
  });
  // Everything else under /webhooks is answered here, as problem+json: falling through to
  // the app's static assets would hand this sub-app a response it cannot add headers to.
  hooks.all('/stripe/:tenantId', () => {
    throw new DomainError(405, 'webhookPostOnly', [], { allow: 'POST' });
  });
  hooks.all('*', (c) => {
    throw new DomainError(404, say('noWebhookAt', c.req.path));
  });
  hooks.onError(renderError);
  return hooks;
}
