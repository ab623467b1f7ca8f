import { createRoute } from '@hono/zod-openapi';
import { skipRecurringFor } from '../../../services/recurring/profiles';
import { RecurringInvoiceSchema } from '../../../services/recurring/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'skipRecurringInvoice',
  method: 'post',
  path: '/recurring-invoices/{id}/skip',
  tags: ['Recurring invoices'],
  security,
  ...permit('write'),
  summary: 'Skip the next run of a recurring invoice (no invoice for that period)',
  request: { params: idParam('rec') },
  responses: {
    200: jsonResponse(RecurringInvoiceSchema, 'The recurring invoice'),
    ...conflict,
    ...commonErrors,
  },
});

export function registerSkipRecurringInvoice(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await skipRecurringFor(tenantContext(c), c.req.valid('param').id), 200),
  );
}
