import { createRoute } from '@hono/zod-openapi';
import { startConnect } from '../../../services/stripe/connect';
import { ConnectLinkSchema } from '../../../services/stripe/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'startStripeConnect',
  method: 'post',
  path: '/settings/stripe/connect',
  tags: ['Settings'],
  security,
  ...permit('settings'),
  summary:
    'Connect with Stripe (signed in: no API key): a Standard connected account for the business (made once, reused after) and a Stripe onboarding link that returns to Settings',
  responses: {
    200: jsonResponse(ConnectLinkSchema, 'Open this URL to onboard with Stripe'),
    502: { description: 'Stripe could not start onboarding; nothing was saved' },
    ...commonErrors,
  },
});

export function registerStartStripeConnect(app: Router) {
  app.openapi(route, async (c) => c.json(await startConnect(tenantContext(c)), 200));
}
