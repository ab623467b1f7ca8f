import { createRoute } from '@hono/zod-openapi';
import { issueApiKey } from '../../../services/auth/api-keys';
import { requireOwner } from '../../middleware/authenticate';
import { responseHoldsSecret } from '../../middleware/idempotency';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { NewApiKeyInputSchema, NewApiKeySchema } from './schema';

const route = createRoute({
  method: 'post',
  path: '/api-keys',
  tags: ['Auth'],
  security,
  middleware: [requireOwner()] as const,
  summary: 'Create an API key (the key is shown once); sessions only, never with an API key',
  request: { body: jsonBody(NewApiKeyInputSchema) },
  responses: { 201: jsonResponse(NewApiKeySchema, 'The new key'), ...commonErrors },
});

export function registerCreateApiKey(app: Router) {
  app.openapi(route, async (c) => {
    const k = await issueApiKey(tenantContext(c), c.req.valid('json'), c.var.auth.userId);
    responseHoldsSecret(c, k.id);
    return c.json(
      {
        id: k.id,
        name: k.name,
        prefix: k.prefix,
        scope: k.scope,
        createdAt: k.createdAt.toISOString(),
        lastUsedAt: null,
        key: k.key,
      },
      201,
    );
  });
}
