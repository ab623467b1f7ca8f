import { createRoute, z } from '@hono/zod-openapi';
import { apiKeysOf } from '../../../services/auth/api-keys';
import { ApiKeySchema } from '../../../services/auth/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listApiKeys',
  method: 'get',
  path: '/api-keys',
  tags: ['Auth'],
  security,
  ...permit('settings'),
  summary: 'Active API keys',
  responses: { 200: jsonResponse(z.object({ data: z.array(ApiKeySchema) }), 'Keys'), ...commonErrors },
});

export function registerListApiKeys(app: Router) {
  app.openapi(route, async (c) => {
    return c.json({ data: await apiKeysOf(tenantContext(c)) }, 200);
  });
}
