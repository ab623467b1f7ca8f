import { createRoute } from '@hono/zod-openapi';
import { stripeSettings } from '../../../services/stripe/account';
import { StripeSettingsSchema } from '../../../services/stripe/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getStripeSettings',
  method: 'get',
  path: '/settings/stripe',
  tags: ['Settings'],
  security,
  ...permit('read'),
  summary: 'Stripe setup: publishable key, last 4 of the secret key, mode, and the webhook URL to use',
  responses: { 200: jsonResponse(StripeSettingsSchema, 'Stripe settings'), ...commonErrors },
});

export function registerGetStripeSettings(app: Router) {
  app.openapi(route, async (c) => c.json(await stripeSettings(tenantContext(c)), 200));
}
