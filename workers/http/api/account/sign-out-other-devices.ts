import { createRoute } from '@hono/zod-openapi';
import { signOutOtherDevices } from '../../../services/account/devices';
import { permit } from '../../middleware/allow';
import { commonErrors, security } from '../fields';
import type { Router } from '../router';
import { signedInPerson } from './signed-in-person';

const route = createRoute({
  operationId: 'signOutOtherDevices',
  method: 'delete',
  path: '/me/sessions',
  tags: ['Account'],
  security,
  ...permit('self'),
  summary: 'Sign out every session of the signed-in person but this one',
  responses: { 204: { description: 'Every other session ended' }, ...commonErrors },
});

export function registerSignOutOtherDevices(app: Router) {
  app.openapi(route, async (c) => {
    const who = signedInPerson(c);
    await signOutOtherDevices(c.var.ctx, who.userId, who.sessionId, who.ip);
    return c.body(null, 204);
  });
}
