import { createRoute } from '@hono/zod-openapi';
import { stripeSettings } from '../../../services/stripe/account';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { StripeSettingsSchema } from './stripe-schema';

const route = createRoute({
  method: 'get',
  path: '/settings/stripe',
  tags: ['Settings'],
  security,
  summary: 'Stripe setup: publishable key, last 4 of the secret key, mode, and the webhook URL to use',
  responses: { 200: jsonResponse(StripeSettingsSchema, 'Stripe settings'), ...commonErrors },
});

export function registerGetStripeSettings(app: Router) {
  app.openapi(route, async (c) => c.json(await stripeSettings(tenantContext(c), c.env), 200));
}
