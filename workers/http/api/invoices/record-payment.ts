import { createRoute } from '@hono/zod-openapi';
import { queueDocumentEmail } from '../../../services/mail/outgoing';
import { recordManualPayment } from '../../../services/payments/payments';
import { tenantContext } from '../../tenant-context';
import { PaymentInputSchema, PaymentSchema } from '../documents/schema';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  method: 'post',
  path: '/invoices/{id}/payments',
  tags: ['Payments'],
  security,
  summary: 'Record a manual payment (partial allowed; more than the amount due is refused)',
  request: { params: idParam('inv'), body: jsonBody(PaymentInputSchema) },
  responses: { 201: jsonResponse(PaymentSchema, 'The payment'), ...conflict, ...commonErrors },
});

export function registerRecordPayment(app: Router) {
  app.openapi(route, async (c) => {
    const ctx = tenantContext(c);
    const { sendReceipt, ...input } = c.req.valid('json');
    const payment = await recordManualPayment(ctx, c.req.valid('param').id, input);
    if (sendReceipt) {
      const doc = { id: payment.invoiceId, type: 'invoice' as const, clientId: payment.clientId };
      await queueDocumentEmail(ctx, c.env.EMAIL_QUEUE, doc, `receipt:${payment.id}`, 'receipt');
    }
    return c.json(payment, 201);
  });
}
