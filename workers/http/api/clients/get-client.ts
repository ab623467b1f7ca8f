import { createRoute } from '@hono/zod-openapi';
import { getClientFor } from '../../../services/clients/clients';
import { ClientSchema } from '../../../services/clients/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getClient',
  method: 'get',
  path: '/clients/{id}',
  tags: ['Clients'],
  security,
  ...permit('read'),
  summary: 'Read a client',
  request: { params: idParam('cli') },
  responses: { 200: jsonResponse(ClientSchema, 'The client'), ...commonErrors },
});

export function registerGetClient(app: Router) {
  app.openapi(route, async (c) => c.json(await getClientFor(tenantContext(c), c.req.valid('param').id), 200));
}
