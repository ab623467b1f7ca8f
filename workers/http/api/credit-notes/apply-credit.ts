import { createRoute } from '@hono/zod-openapi';
import { ApplyCreditInputSchema } from '../../../services/credit-notes/schema';
import { applyCreditTo } from '../../../services/payments/credit-balance';
import { PaymentSchema } from '../../../services/payments/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'applyCreditToInvoice',
  method: 'post',
  path: '/invoices/{id}/apply-credit',
  tags: ['Payments'],
  security,
  ...permit('write'),
  summary:
    'Use the client’s credit (same currency) on an open invoice: recorded as a payment with `source: "credit"`; more than the credit or the amount due is a 422',
  request: { params: idParam('inv'), body: jsonBody(ApplyCreditInputSchema) },
  responses: { 201: jsonResponse(PaymentSchema, 'The payment from credit'), ...conflict, ...commonErrors },
});

export function registerApplyCredit(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await applyCreditTo(tenantContext(c), c.req.valid('param').id, c.req.valid('json').amount), 201),
  );
}
