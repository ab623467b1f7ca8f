import { createRoute } from '@hono/zod-openapi';
import { convertEstimateFor } from '../../../services/documents/documents';
import { InvoiceSchema } from '../../../services/documents/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'convertEstimate',
  method: 'post',
  path: '/estimates/{id}/convert',
  tags: ['Estimates'],
  security,
  ...permit('write'),
  summary: 'Turn an accepted estimate into a draft invoice (once)',
  request: { params: idParam('est') },
  responses: { 201: jsonResponse(InvoiceSchema, 'The new draft invoice'), ...conflict, ...commonErrors },
});

export function registerConvertEstimate(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await convertEstimateFor(tenantContext(c), c.req.valid('param').id), 201),
  );
}
