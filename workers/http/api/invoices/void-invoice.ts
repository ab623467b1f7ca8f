import { createRoute } from '@hono/zod-openapi';
import { voidInvoiceFor } from '../../../services/documents/documents';
import { InvoiceSchema } from '../../../services/documents/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'voidInvoice',
  method: 'post',
  path: '/invoices/{id}/void',
  tags: ['Invoices'],
  security,
  ...permit('write'),
  summary: 'Void an issued, unpaid invoice',
  request: { params: idParam('inv') },
  responses: { 200: jsonResponse(InvoiceSchema, 'The void invoice'), ...conflict, ...commonErrors },
});

export function registerVoidInvoice(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await voidInvoiceFor(tenantContext(c), c.req.valid('param').id), 200),
  );
}
