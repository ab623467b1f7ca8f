import { createRoute } from '@hono/zod-openapi';
import { recordManualPayment } from '../../../services/payments/payments';
import { PaymentInputSchema, PaymentSchema } from '../../../services/payments/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'recordInvoicePayment',
  method: 'post',
  path: '/invoices/{id}/payments',
  tags: ['Payments'],
  security,
  ...permit('write'),
  summary: 'Record a manual payment (partial allowed; more than the amount due is refused)',
  request: { params: idParam('inv'), body: jsonBody(PaymentInputSchema) },
  responses: { 201: jsonResponse(PaymentSchema, 'The payment'), ...conflict, ...commonErrors },
});

export function registerRecordPayment(app: Router) {
  app.openapi(route, async (c) => {
    const payment = await recordManualPayment(tenantContext(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(payment, 201);
  });
}
