import { createRoute } from '@hono/zod-openapi';
import { getRecurringFor } from '../../../services/recurring/profiles';
import { RecurringInvoiceSchema } from '../../../services/recurring/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getRecurringInvoice',
  method: 'get',
  path: '/recurring-invoices/{id}',
  tags: ['Recurring invoices'],
  security,
  ...permit('read'),
  summary: 'A recurring invoice, its next three run dates and the invoices it made',
  request: { params: idParam('rec') },
  responses: { 200: jsonResponse(RecurringInvoiceSchema, 'The recurring invoice'), ...commonErrors },
});

export function registerGetRecurringInvoice(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await getRecurringFor(tenantContext(c), c.req.valid('param').id), 200),
  );
}
