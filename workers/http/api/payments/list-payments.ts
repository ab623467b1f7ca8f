import { createRoute, z } from '@hono/zod-openapi';
import { paymentsFor } from '../../../services/payments/payments';
import { PaymentSchema } from '../../../services/payments/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listPayments',
  method: 'get',
  path: '/payments',
  tags: ['Payments'],
  security,
  ...permit('read'),
  summary: 'Payments, newest first (up to 500)',
  request: { query: z.object({ clientId: z.string().max(64).optional() }) },
  responses: {
    200: jsonResponse(z.object({ data: z.array(PaymentSchema) }), 'Payments'),
    ...commonErrors,
  },
});

export function registerListPayments(app: Router) {
  app.openapi(route, async (c) => {
    const { clientId } = c.req.valid('query');
    return c.json({ data: await paymentsFor(tenantContext(c), clientId ? { clientId } : {}) }, 200);
  });
}
