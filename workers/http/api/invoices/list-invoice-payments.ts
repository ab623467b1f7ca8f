import { createRoute, z } from '@hono/zod-openapi';
import { invoicePaymentsFor } from '../../../services/payments/payments';
import { PaymentSchema } from '../../../services/payments/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listInvoicePayments',
  method: 'get',
  path: '/invoices/{id}/payments',
  tags: ['Payments'],
  security,
  ...permit('read'),
  summary: "An invoice's payments",
  request: { params: idParam('inv') },
  responses: {
    200: jsonResponse(z.object({ data: z.array(PaymentSchema) }), 'Payments'),
    ...commonErrors,
  },
});

export function registerListInvoicePayments(app: Router) {
  app.openapi(route, async (c) => {
    return c.json({ data: await invoicePaymentsFor(tenantContext(c), c.req.valid('param').id) }, 200);
  });
}
