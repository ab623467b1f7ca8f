import { createRoute } from '@hono/zod-openapi';
import { SessionSchema } from '../../../services/auth/schema';
import { NotFoundError } from '../../../services/errors';
import { switchBusiness } from '../../../services/team/businesses';
import { SwitchBusinessInputSchema } from '../../../services/team/schema';
import { permit } from '../../middleware/allow';
import { readSessionCookie } from '../../session-cookies';
import { requestActor } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'switchBusiness',
  method: 'put',
  path: '/sessions/current/business',
  tags: ['Team'],
  security,
  ...permit('self'),
  summary: 'Act for another business of the signed-in person, without signing in again',
  request: { body: jsonBody(SwitchBusinessInputSchema) },
  responses: { 200: jsonResponse(SessionSchema, 'The session, now for that business'), ...commonErrors },
});

export function registerSwitchBusiness(app: Router) {
  app.openapi(route, async (c) => {
    const { auth } = c.var;
    const token = readSessionCookie(c, 'admin');
    if (!token || !auth.userId) throw new NotFoundError('session');
    const business = await switchBusiness(
      c.var.ctx,
      { token, userId: auth.userId, fromTenantId: auth.tenantId },
      requestActor(c),
      c.req.valid('json').tenantId,
    );
    return c.json(
      {
        userId: auth.userId,
        email: auth.email ?? '',
        tenantId: business.id,
        businessName: business.name,
        locale: business.locale,
        role: business.role,
      },
      200,
    );
  });
}
