import { createRoute } from '@hono/zod-openapi';
import { CreditRefundInputSchema } from '../../../services/credit-notes/schema';
import { recordCreditRefundFor } from '../../../services/payments/credit-balance';
import { CreditSchema } from '../../../services/payments/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'recordClientCreditRefund',
  method: 'post',
  path: '/clients/{id}/credit-refunds',
  tags: ['Payments'],
  security,
  ...permit('write'),
  summary:
    'Record credit handed back to the client outside Stripe (bank transfer, cash): the balance in that currency goes down; more than the balance is a 422',
  request: { params: idParam('cli'), body: jsonBody(CreditRefundInputSchema) },
  responses: { 201: jsonResponse(CreditSchema, 'The refund line of the client’s credit'), ...commonErrors },
});

export function registerRecordCreditRefund(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await recordCreditRefundFor(tenantContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
}
