import { createRoute } from '@hono/zod-openapi';
import { issueApiKey } from '../../../services/auth/api-keys';
import { NewApiKeyInputSchema, NewApiKeySchema } from '../../../services/auth/schema';
import { permit } from '../../middleware/allow';
import { responseHoldsSecret } from '../../middleware/idempotency';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'createApiKey',
  method: 'post',
  path: '/api-keys',
  tags: ['Auth'],
  security,
  ...permit('settings'),
  summary: 'Create an API key (the key is shown once); sessions only, never with an API key',
  request: { body: jsonBody(NewApiKeyInputSchema) },
  responses: { 201: jsonResponse(NewApiKeySchema, 'The new key'), ...commonErrors },
});

export function registerCreateApiKey(app: Router) {
  app.openapi(route, async (c) => {
    const k = await issueApiKey(tenantContext(c), c.req.valid('json'), c.var.auth.userId);
    responseHoldsSecret(c, k.id);
    return c.json(k, 201);
  });
}
