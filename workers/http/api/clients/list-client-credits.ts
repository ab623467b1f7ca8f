import { createRoute, z } from '@hono/zod-openapi';
import { listClientCredits } from '../../../services/payments/credits';
import { CreditSchema } from '../../../services/payments/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listClientCredits',
  method: 'get',
  path: '/clients/{id}/credits',
  tags: ['Payments'],
  security,
  ...permit('read'),
  summary:
    'The client’s credit: Stripe payments beyond what their invoices owed, newest first (refunded ones kept as history)',
  request: { params: idParam('cli') },
  responses: { 200: jsonResponse(z.object({ data: z.array(CreditSchema) }), 'Credits'), ...commonErrors },
});

export function registerListClientCredits(app: Router) {
  app.openapi(route, async (c) =>
    c.json({ data: await listClientCredits(tenantContext(c), c.req.valid('param').id) }, 200),
  );
}
