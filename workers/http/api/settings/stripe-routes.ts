import { createRoute, z } from '@hono/zod-openapi';
import { removeStripe, saveStripeSettings, stripeSettings } from '../../../services/stripe/account';
import { requireOwner } from '../../middleware/authenticate';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const tags = ['Settings'];

const StripeSettingsSchema = z
  .object({
    configured: z.boolean(),
    publishableKey: z.string().nullable(),
    secretKeyLast4: z.string().nullable().openapi({ description: 'The secret key itself is never returned' }),
    mode: z.enum(['test', 'live']).nullable(),
    webhookUrl: z.string().openapi({ description: 'Paste into Stripe → Developers → Webhooks' }),
    events: z.array(z.string()).openapi({ description: 'The events to enable on that endpoint' }),
    updatedAt: z.string().nullable(),
  })
  .openapi('StripeSettings');

const key = (name: string, example: string) =>
  z.string().trim().min(1, `${name} is required`).max(255).openapi({ example });

const StripeKeysSchema = z
  .object({
    publishableKey: key('The publishable key', 'pk_test_…'),
    secretKey: key('The secret key', 'sk_test_…'),
    webhookSecret: key('The webhook signing secret', 'whsec_…'),
  })
  .openapi('StripeKeys');

export function registerStripeSettingsRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/settings/stripe',
      tags,
      security,
      summary: 'Stripe setup: publishable key, last 4 of the secret key, mode, and the webhook URL to use',
      responses: { 200: jsonResponse(StripeSettingsSchema, 'Stripe settings'), ...commonErrors },
    }),
    async (c) => c.json(await stripeSettings(tenantContext(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/settings/stripe',
      tags,
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
    }),
    async (c) => c.json(await saveStripeSettings(tenantContext(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/settings/stripe',
      tags,
      security,
      middleware: [requireOwner()] as const,
      summary:
        'Remove Stripe (owner only, signed in: no API key): the portal stops offering "Pay now"; payments already recorded stay',
      responses: { 204: { description: 'Removed' }, ...commonErrors },
    }),
    async (c) => {
      await removeStripe(tenantContext(c));
      return c.body(null, 204);
    },
  );
}
