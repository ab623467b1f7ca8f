import { createRoute } from '@hono/zod-openapi';
import { convertEstimateFor } from '../../../services/documents/documents';
import { tenantContext } from '../../tenant-context';
import { InvoiceSchema } from '../documents/schema';
import { conflict, invoiceOut } from '../documents/shared';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  method: 'post',
  path: '/estimates/{id}/convert',
  tags: ['Estimates'],
  security,
  summary: 'Turn an accepted estimate into a draft invoice (once)',
  request: { params: idParam('est') },
  responses: { 201: jsonResponse(InvoiceSchema, 'The new draft invoice'), ...conflict, ...commonErrors },
});

export function registerConvertEstimate(app: Router) {
  app.openapi(route, async (c) =>
    c.json(invoiceOut(await convertEstimateFor(tenantContext(c), c.req.valid('param').id)), 201),
  );
}
