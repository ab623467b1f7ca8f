import { createRoute } from '@hono/zod-openapi';
import { signOutDevice } from '../../../services/account/devices';
import { permit } from '../../middleware/allow';
import { commonErrors, idParam, security } from '../fields';
import type { Router } from '../router';
import { signedInPerson } from './signed-in-person';

const route = createRoute({
  operationId: 'signOutDevice',
  method: 'delete',
  path: '/me/sessions/{id}',
  tags: ['Account'],
  security,
  ...permit('self'),
  summary: 'Sign one of one’s own sessions out (another person’s id is not found)',
  request: { params: idParam('ses') },
  responses: { 204: { description: 'Signed out' }, ...commonErrors },
});

export function registerSignOutDevice(app: Router) {
  app.openapi(route, async (c) => {
    const who = signedInPerson(c);
    await signOutDevice(c.var.ctx, who.userId, c.req.valid('param').id, who.ip);
    return c.body(null, 204);
  });
}
