import { createRoute } from '@hono/zod-openapi';
import { clientSummary } from '../../../services/clients/summary';
import { tenantContext } from '../../tenant-context';
import { ClientSummarySchema } from '../documents/schema';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  method: 'get',
  path: '/clients/{id}/summary',
  tags: ['Clients'],
  security,
  summary: 'Client 360°: per-currency totals and document counts',
  request: { params: idParam('cli') },
  responses: { 200: jsonResponse(ClientSummarySchema, 'Summary'), ...commonErrors },
});

export function registerGetClientSummary(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await clientSummary(tenantContext(c), c.req.valid('param').id), 200),
  );
}
