import { createRoute } from '@hono/zod-openapi';
import { removeLogo } from '../../../services/settings/logo';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'deleteLogo',
  method: 'delete',
  path: '/settings/logo',
  tags: ['Settings'],
  security,
  ...permit('settings'),
  summary: 'Remove the logo from future documents',
  responses: { 204: { description: 'Removed' }, ...commonErrors },
});

export function registerDeleteLogo(app: Router) {
  app.openapi(route, async (c) => {
    await removeLogo(tenantContext(c));
    return c.body(null, 204);
  });
}
