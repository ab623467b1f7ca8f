import { createRoute } from '@hono/zod-openapi';
import { archiveClientFor } from '../../../services/clients/clients';
import { ClientSchema } from '../../../services/clients/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'archiveClient',
  method: 'delete',
  path: '/clients/{id}',
  tags: ['Clients'],
  security,
  ...permit('write'),
  summary: 'Archive a client (documents keep pointing at it)',
  request: { params: idParam('cli') },
  responses: { 200: jsonResponse(ClientSchema, 'The archived client'), ...commonErrors },
});

export function registerArchiveClient(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await archiveClientFor(tenantContext(c), c.req.valid('param').id), 200),
  );
}
