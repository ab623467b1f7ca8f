import { createRoute } from '@hono/zod-openapi';
import { ClientSummarySchema } from '../../../services/clients/schema';
import { clientSummary } from '../../../services/clients/summary';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getClientSummary',
  method: 'get',
  path: '/clients/{id}/summary',
  tags: ['Clients'],
  security,
  ...permit('read'),
  summary: 'Client 360°: per-currency totals and document counts',
  request: { params: idParam('cli') },
  responses: { 200: jsonResponse(ClientSummarySchema, 'Summary'), ...commonErrors },
});

export function registerGetClientSummary(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await clientSummary(tenantContext(c), c.req.valid('param').id), 200),
  );
}
