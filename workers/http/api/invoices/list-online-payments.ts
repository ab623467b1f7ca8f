import { createRoute, z } from '@hono/zod-openapi';
import { getDocumentFor } from '../../../services/documents/documents';
import { onlinePayments } from '../../../services/stripe/checkout';
import { tenantContext } from '../../tenant-context';
import { OnlinePaymentSchema } from '../documents/schema';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  method: 'get',
  path: '/invoices/{id}/online-payments',
  tags: ['Payments'],
  security,
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
    const ctx = tenantContext(c);
    const id = c.req.valid('param').id;
    await getDocumentFor(ctx, 'invoice', id);
    return c.json({ data: await onlinePayments(ctx, id) }, 200);
  });
}
