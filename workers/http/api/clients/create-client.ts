import { createRoute } from '@hono/zod-openapi';
import { createClientFor } from '../../../services/clients/clients';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { ClientInputSchema, ClientSchema } from './schema';

const route = createRoute({
  method: 'post',
  path: '/clients',
  tags: ['Clients'],
  security,
  summary: 'Create a client',
  request: { body: jsonBody(ClientInputSchema) },
  responses: { 201: jsonResponse(ClientSchema, 'The new client'), ...commonErrors },
});

export function registerCreateClient(app: Router) {
  app.openapi(route, async (c) => c.json(await createClientFor(tenantContext(c), c.req.valid('json')), 201));
}
