import { createRoute, z } from '@hono/zod-openapi';
import { OnlinePaymentSchema } from '../../../services/payments/schema';
import { invoiceOnlinePayments } from '../../../services/stripe/checkout';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listInvoiceOnlinePayments',
  method: 'get',
  path: '/invoices/{id}/online-payments',
  tags: ['Payments'],
  security,
  ...permit('read'),
  summary:
    "The invoice's Stripe checkouts: processing, paid, failed, or flagged (amount or currency mismatch)",
  request: { params: idParam('inv') },
  responses: {
    200: jsonResponse(z.object({ data: z.array(OnlinePaymentSchema) }), 'Stripe checkouts, newest first'),
    ...commonErrors,
  },
});

export function registerListOnlinePayments(app: Router) {
  app.openapi(route, async (c) => {
    return c.json({ data: await invoiceOnlinePayments(tenantContext(c), c.req.valid('param').id) }, 200);
  });
}
