import { createRoute } from '@hono/zod-openapi';
import { revokeKey } from '../../../services/auth/api-keys';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'revokeApiKey',
  method: 'delete',
  path: '/api-keys/{id}',
  tags: ['Auth'],
  security,
  ...permit('settings'),
  summary: 'Revoke an API key; sessions only, never with an API key',
  request: { params: idParam('key') },
  responses: { 204: { description: 'Revoked' }, ...commonErrors },
});

export function registerRevokeApiKey(app: Router) {
  app.openapi(route, async (c) => {
    await revokeKey(tenantContext(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
