import { createRoute } from '@hono/zod-openapi';
import { signOut } from '../../../services/auth/sessions';
import { permit } from '../../middleware/allow';
import { clearSessionCookie, readSessionCookie } from '../../session-cookies';
import { commonErrors, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'signOut',
  method: 'delete',
  path: '/sessions/current',
  tags: ['Auth'],
  security,
  ...permit('self'),
  summary: 'Sign out',
  responses: { 204: { description: 'Signed out' }, ...commonErrors },
});

export function registerSignOut(app: Router) {
  app.openapi(route, async (c) => {
    const token = readSessionCookie(c, 'admin');
    if (token) await signOut(c.var.db, token);
    clearSessionCookie(c, 'admin');
    return c.body(null, 204);
  });
}
