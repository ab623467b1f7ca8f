import { createRoute, z } from '@hono/zod-openapi';
import { getDocumentFor } from '../../../services/documents/documents';
import { paymentsFor } from '../../../services/payments/payments';
import { tenantContext } from '../../tenant-context';
import { PaymentSchema } from '../documents/schema';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  method: 'get',
  path: '/invoices/{id}/payments',
  tags: ['Payments'],
  security,
  summary: "An invoice's payments",
  request: { params: idParam('inv') },
  responses: {
    200: jsonResponse(z.object({ data: z.array(PaymentSchema) }), 'Payments'),
    ...commonErrors,
  },
});

export function registerListInvoicePayments(app: Router) {
  app.openapi(route, async (c) => {
    const ctx = tenantContext(c);
    const id = c.req.valid('param').id;
    await getDocumentFor(ctx, 'invoice', id);
    return c.json({ data: await paymentsFor(ctx, { invoiceId: id }) }, 200);
  });
}
