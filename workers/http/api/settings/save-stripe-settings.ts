import { createRoute, z } from '@hono/zod-openapi';
import { saveStripeSettings } from '../../../services/stripe/account';
import { requireOwner } from '../../middleware/authenticate';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { StripeSettingsSchema } from './stripe-schema';

const key = (name: string, example: string) =>
  z.string().trim().min(1, `${name} is required`).max(255).openapi({ example });

const StripeKeysSchema = z
  .object({
    publishableKey: key('The publishable key', 'pk_test_…'),
    secretKey: key('The secret key', 'sk_test_…'),
    webhookSecret: key('The webhook signing secret', 'whsec_…'),
  })
  .openapi('StripeKeys');

const route = createRoute({
  method: 'put',
  path: '/settings/stripe',
  tags: ['Settings'],
  security,
  middleware: [requireOwner()] as const,
  summary:
    'Connect Stripe (owner only, signed in: no API key): the secret key is checked with Stripe, then both secrets are stored encrypted',
  request: { body: jsonBody(StripeKeysSchema) },
  responses: {
    200: jsonResponse(StripeSettingsSchema, 'Saved'),
    502: { description: 'Stripe could not be reached; nothing was saved' },
    ...commonErrors,
  },
});

export function registerSaveStripeSettings(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await saveStripeSettings(tenantContext(c), c.env, c.req.valid('json')), 200),
  );
}
