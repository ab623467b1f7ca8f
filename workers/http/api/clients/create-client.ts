import { createRoute } from '@hono/zod-openapi';
import { createClientFor } from '../../../services/clients/clients';
import { ClientInputSchema, ClientSchema } from '../../../services/clients/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'createClient',
  method: 'post',
  path: '/clients',
  tags: ['Clients'],
  security,
  ...permit('write'),
  summary: 'Create a client',
  request: { body: jsonBody(ClientInputSchema) },
  responses: { 201: jsonResponse(ClientSchema, 'The new client'), ...commonErrors },
});

export function registerCreateClient(app: Router) {
  app.openapi(route, async (c) => c.json(await createClientFor(tenantContext(c), c.req.valid('json')), 201));
}
