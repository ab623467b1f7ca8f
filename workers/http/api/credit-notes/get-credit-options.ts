import { createRoute } from '@hono/zod-openapi';
import { creditOptionsFor } from '../../../services/credit-notes/credit-notes';
import { CreditOptionsSchema } from '../../../services/credit-notes/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getInvoiceCreditOptions',
  method: 'get',
  path: '/invoices/{id}/credit-options',
  tags: ['Credit notes'],
  security,
  ...permit('read'),
  summary:
    'What may still be credited on the invoice, the client’s credit usable on it, and the credit note a Stripe refund calls for',
  request: { params: idParam('inv') },
  responses: { 200: jsonResponse(CreditOptionsSchema, 'Credit options'), ...commonErrors },
});

export function registerGetCreditOptions(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await creditOptionsFor(tenantContext(c), c.req.valid('param').id), 200),
  );
}
