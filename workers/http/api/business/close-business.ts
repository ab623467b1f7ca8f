import { createRoute } from '@hono/zod-openapi';
import { closeBusiness } from '../../../services/account/closing';
import { CloseBusinessInputSchema, ClosedBusinessSchema } from '../../../services/account/schema';
import { ForbiddenError } from '../../../services/errors';
import { permit } from '../../middleware/allow';
import { clearSessionCookie } from '../../session-cookies';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'closeBusiness',
  method: 'delete',
  path: '/business',
  tags: ['Account'],
  security,
  ...permit('owner'),
  summary:
    "Close the business for good (owner, signed in; password, a second-factor code when on, and the business's name typed). Everyone is signed out at once; every row and file is removed within 24 hours",
  request: { body: jsonBody(CloseBusinessInputSchema) },
  responses: { 202: jsonResponse(ClosedBusinessSchema, 'Closed; removal under way'), ...commonErrors },
});

export function registerCloseBusiness(app: Router) {
  app.openapi(route, async (c) => {
    const { userId } = c.var.auth;
    if (!userId) throw new ForbiddenError('sessionOnly');
    const closed = await closeBusiness(tenantContext(c), userId, c.req.valid('json'));
    clearSessionCookie(c, 'admin');
    return c.json(closed, 202);
  });
}
