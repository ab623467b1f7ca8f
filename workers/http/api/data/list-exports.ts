import { createRoute, z } from '@hono/zod-openapi';
import { recentExports } from '../../../services/data/exports';
import { DataExportSchema } from '../../../services/data/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listExports',
  method: 'get',
  path: '/exports',
  tags: ['Data'],
  security,
  ...permit('export'),
  summary: 'The 20 most recent exports, newest first',
  responses: { 200: jsonResponse(z.object({ data: z.array(DataExportSchema) }), 'Exports'), ...commonErrors },
});

export function registerListExports(app: Router) {
  app.openapi(route, async (c) => {
    return c.json({ data: await recentExports(tenantContext(c)) }, 200);
  });
}
