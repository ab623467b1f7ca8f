import { createRoute } from '@hono/zod-openapi';
import { exportOf } from '../../../services/data/exports';
import { DataExportSchema } from '../../../services/data/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getExport',
  method: 'get',
  path: '/exports/{id}',
  tags: ['Data'],
  security,
  ...permit('export'),
  summary: 'An export’s status and progress; `downloadUrl` once it is ready, until it expires',
  request: { params: idParam('exp') },
  responses: { 200: jsonResponse(DataExportSchema, 'The export'), ...commonErrors },
});

export function registerGetExport(app: Router) {
  app.openapi(route, async (c) => {
    return c.json(await exportOf(tenantContext(c), c.req.valid('param').id), 200);
  });
}
