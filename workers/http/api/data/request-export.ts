import { createRoute } from '@hono/zod-openapi';
import { requestExport } from '../../../services/data/exports';
import { NewExportSchema } from '../../../services/data/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'requestExport',
  method: 'post',
  path: '/exports',
  tags: ['Data'],
  security,
  ...permit('export'),
  summary:
    'Export all the business’s data: one ZIP (a JSON file per kind, every PDF and attachment) built in the background; the person who asked is emailed when it is ready. A write API key may ask too, for backups.',
  responses: { 202: jsonResponse(NewExportSchema, 'The export, queued'), ...commonErrors },
});

export function registerRequestExport(app: Router) {
  app.openapi(route, async (c) => {
    return c.json(await requestExport(tenantContext(c), c.var.auth.userId), 202);
  });
}
