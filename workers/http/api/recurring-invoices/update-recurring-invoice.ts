import { createRoute } from '@hono/zod-openapi';
import { updateRecurringFor } from '../../../services/recurring/profiles';
import { RecurringInvoicePatchSchema, RecurringInvoiceSchema } from '../../../services/recurring/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'updateRecurringInvoice',
  method: 'patch',
  path: '/recurring-invoices/{id}',
  tags: ['Recurring invoices'],
  security,
  ...permit('write'),
  summary: 'Edit a recurring invoice (invoices already made do not change)',
  request: { params: idParam('rec'), body: jsonBody(RecurringInvoicePatchSchema) },
  responses: {
    200: jsonResponse(RecurringInvoiceSchema, 'The recurring invoice'),
    ...conflict,
    ...commonErrors,
  },
});

export function registerUpdateRecurringInvoice(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await updateRecurringFor(tenantContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
