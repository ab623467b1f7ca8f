import { createRoute } from '@hono/zod-openapi';
import { createRecurringFor } from '../../../services/recurring/profiles';
import { RecurringInvoiceInputSchema, RecurringInvoiceSchema } from '../../../services/recurring/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'createRecurringInvoice',
  method: 'post',
  path: '/recurring-invoices',
  tags: ['Recurring invoices'],
  security,
  ...permit('write'),
  summary: 'Create a recurring invoice (its schedule starts at once)',
  request: { body: jsonBody(RecurringInvoiceInputSchema) },
  responses: { 201: jsonResponse(RecurringInvoiceSchema, 'The recurring invoice'), ...commonErrors },
});

export function registerCreateRecurringInvoice(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await createRecurringFor(tenantContext(c), c.req.valid('json')), 201),
  );
}
