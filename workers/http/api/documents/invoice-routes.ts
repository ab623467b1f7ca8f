import { createRoute } from '@hono/zod-openapi';
import { voidInvoiceFor } from '../../../services/documents/documents';
import { InvoiceSchema } from '../../../services/documents/schema';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { conflict } from './shared';

/** Invoice-only actions: void. */
export function registerInvoiceActions(app: Router) {
  const tags = ['Invoices'];
  const params = idParam('inv');
  app.openapi(
    createRoute({
      method: 'post',
      path: '/invoices/{id}/void',
      tags,
      security,
      summary: 'Void an issued, unpaid invoice',
      request: { params },
      responses: { 200: jsonResponse(InvoiceSchema, 'The void invoice'), ...conflict, ...commonErrors },
    }),
    async (c) => c.json(await voidInvoiceFor(tenantContext(c), c.req.valid('param').id), 200),
  );
}
