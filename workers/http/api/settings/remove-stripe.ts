import { createRoute } from '@hono/zod-openapi';
import { removeStripe } from '../../../services/stripe/account';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'removeStripe',
  method: 'delete',
  path: '/settings/stripe',
  tags: ['Settings'],
  security,
  ...permit('settings'),
  summary:
    'Remove Stripe (owner only, signed in: no API key): the portal stops offering "Pay now"; payments already recorded stay',
  responses: { 204: { description: 'Removed' }, ...commonErrors },
});

export function registerRemoveStripe(app: Router) {
  app.openapi(route, async (c) => {
    await removeStripe(tenantContext(c));
    return c.body(null, 204);
  });
}
