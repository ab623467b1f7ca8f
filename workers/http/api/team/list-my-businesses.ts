import { createRoute, z } from '@hono/zod-openapi';
import { NotFoundError } from '../../../services/errors';
import { myBusinesses } from '../../../services/team/businesses';
import { BusinessSchema } from '../../../services/team/schema';
import { permit } from '../../middleware/allow';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listMyBusinesses',
  method: 'get',
  path: '/me/businesses',
  tags: ['Team'],
  security,
  ...permit('self'),
  summary: 'The businesses the signed-in person belongs to; `current` marks the one this session acts for',
  responses: {
    200: jsonResponse(z.object({ data: z.array(BusinessSchema) }), 'Businesses'),
    ...commonErrors,
  },
});

export function registerListMyBusinesses(app: Router) {
  app.openapi(route, async (c) => {
    const { auth } = c.var;
    if (!auth.userId) throw new NotFoundError('session');
    return c.json({ data: await myBusinesses(c.var.ctx, auth.userId, auth.tenantId) }, 200);
  });
}
