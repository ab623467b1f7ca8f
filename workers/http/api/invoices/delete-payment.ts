import { createRoute, z } from '@hono/zod-openapi';
import { deletePaymentFor } from '../../../services/payments/payments';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, security } from '../fields';
import type { Router } from '../router';

// A payment is deleted only through its own invoice's path.
const route = createRoute({
  operationId: 'deleteInvoicePayment',
  method: 'delete',
  path: '/invoices/{id}/payments/{paymentId}',
  tags: ['Payments'],
  security,
  ...permit('write'),
  summary: 'Delete a payment; the balance and status are recomputed',
  request: { params: idParam('inv').extend({ paymentId: z.string().max(64) }) },
  responses: { 204: { description: 'Deleted' }, ...commonErrors },
});

export function registerDeletePayment(app: Router) {
  app.openapi(route, async (c) => {
    const { id, paymentId } = c.req.valid('param');
    await deletePaymentFor(tenantContext(c), id, paymentId);
    return c.body(null, 204);
  });
}
