import { createRoute } from '@hono/zod-openapi';
import { updateClientFor } from '../../../services/clients/clients';
import { ClientPatchSchema, ClientSchema } from '../../../services/clients/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'updateClient',
  method: 'patch',
  path: '/clients/{id}',
  tags: ['Clients'],
  security,
  ...permit('write'),
  summary: 'Update a client; omitted fields stay as they are',
  request: { params: idParam('cli'), body: jsonBody(ClientPatchSchema) },
  responses: { 200: jsonResponse(ClientSchema, 'The updated client'), ...commonErrors },
});

export function registerUpdateClient(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await updateClientFor(tenantContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
