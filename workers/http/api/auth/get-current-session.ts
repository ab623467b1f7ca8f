import { createRoute } from '@hono/zod-openapi';
import { profileOf } from '../../../services/account/profile';
import { CurrentSessionSchema } from '../../../services/auth/schema';
import { sessionBusiness } from '../../../services/auth/sessions';
import { twoFactorSettings } from '../../../services/auth/two-factor';
import { NotFoundError } from '../../../services/errors';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getCurrentSession',
  method: 'get',
  path: '/sessions/current',
  tags: ['Auth'],
  security,
  ...permit('self'),
  summary: 'Who is signed in',
  responses: { 200: jsonResponse(CurrentSessionSchema, 'The current session'), ...commonErrors },
});

export function registerGetCurrentSession(app: Router) {
  app.openapi(route, async (c) => {
    const { auth, db } = c.var;
    const [tenant, twoFactor] = await Promise.all([
      sessionBusiness(db, auth.tenantId),
      twoFactorSettings(tenantContext(c), auth.userId),
    ]);
    if (!tenant || !auth.userId) throw new NotFoundError('session');
    const me = await profileOf(c.var.ctx, auth.userId);
    return c.json(
      {
        userId: auth.userId,
        email: auth.email ?? '',
        tenantId: tenant.id,
        businessName: tenant.name,
        locale: tenant.locale,
        role: auth.role,
        twoFactorEnabled: twoFactor.enabledForMe,
        twoFactorRequired: twoFactor.required && !twoFactor.enabledForMe,
        user: {
          id: me.id,
          email: me.email,
          name: me.name,
          locale: me.locale,
          emailVerified: me.emailVerified,
          twoFactorEnabled: me.twoFactorEnabled,
        },
      },
      200,
    );
  });
}
