import { createRoute, z } from '@hono/zod-openapi';
import { apiKeysOf } from '../../../services/auth/api-keys';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { ApiKeySchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/api-keys',
  tags: ['Auth'],
  security,
  summary: 'Active API keys',
  responses: { 200: jsonResponse(z.object({ data: z.array(ApiKeySchema) }), 'Keys'), ...commonErrors },
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function registerListApiKeys(app: Router) {
  app.openapi(route, async (c) => {
    const keys = await apiKeysOf(tenantContext(c));
    return c.json(
      {
        data: keys.map((k) => ({
          ...k,
          createdAt: k.createdAt.toISOString(),
          lastUsedAt: iso(k.lastUsedAt),
        })),
      },
      200,
    );
  });
}
