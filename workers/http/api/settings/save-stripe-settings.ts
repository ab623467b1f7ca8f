import { createRoute } from '@hono/zod-openapi';
import { saveStripeSettings } from '../../../services/stripe/account';
import { StripeKeysSchema, StripeSettingsSchema } from '../../../services/stripe/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'saveStripeSettings',
  method: 'put',
  path: '/settings/stripe',
  tags: ['Settings'],
  security,
  ...permit('settings'),
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
    c.json(await saveStripeSettings(tenantContext(c), c.req.valid('json')), 200),
  );
}
