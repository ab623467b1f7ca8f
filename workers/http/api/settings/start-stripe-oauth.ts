import { createRoute } from '@hono/zod-openapi';
import { startLinkExisting } from '../../../services/stripe/connect-oauth';
import { OauthLinkSchema } from '../../../services/stripe/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'startStripeOauth',
  method: 'post',
  path: '/settings/stripe/connect/oauth',
  tags: ['Settings'],
  security,
  ...permit('settings'),
  summary:
    'Link an existing Stripe account (signed in: no API key): Stripe’s Connect OAuth page, with a state good once, for ten minutes, for this person in this business; 409 when the deployment has no OAuth client id (`canLinkExisting` is false)',
  responses: {
    200: jsonResponse(OauthLinkSchema, 'Open this URL to choose the Stripe account to link'),
    ...commonErrors,
  },
});

export function registerStartStripeOauth(app: Router) {
  app.openapi(route, async (c) => c.json(await startLinkExisting(tenantContext(c)), 200));
}
