import { createRoute } from '@hono/zod-openapi';
import { finishLinkExisting } from '../../../services/stripe/connect-oauth';
import { OauthCallbackQuerySchema } from '../../../services/stripe/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'finishStripeOauth',
  method: 'get',
  path: '/settings/stripe/oauth/callback',
  tags: ['Settings'],
  security,
  ...permit('settings'),
  summary:
    'Where Stripe’s Connect OAuth sends the browser back (signed in: no API key). Checks the state, exchanges the code, links the account and redirects to Settings: `/settings?stripe=connected`, or `declined`, `failed` (a missing, reused, expired or foreign state, or a code Stripe refused) or `taken` (the account is another business’s), with nothing changed',
  request: { query: OauthCallbackQuerySchema },
  responses: {
    303: {
      description: 'Back to Settings with the outcome in `?stripe=`',
      headers: { Location: { schema: { type: 'string' }, description: '`/settings?stripe=<outcome>`' } },
    },
    ...commonErrors,
  },
});

export function registerFinishStripeOauth(app: Router) {
  app.openapi(route, async (c) => {
    const ctx = tenantContext(c);
    const outcome = await finishLinkExisting(ctx, c.req.valid('query'));
    return c.redirect(`${new URL(ctx.config.publicUrl).origin}/settings?stripe=${outcome}`, 303);
  });
}
