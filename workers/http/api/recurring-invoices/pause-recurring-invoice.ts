import { createRoute } from '@hono/zod-openapi';
import { pauseRecurringFor } from '../../../services/recurring/profiles';
import { RecurringInvoiceSchema } from '../../../services/recurring/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'pauseRecurringInvoice',
  method: 'post',
  path: '/recurring-invoices/{id}/pause',
  tags: ['Recurring invoices'],
  security,
  ...permit('write'),
  summary: 'Pause a recurring invoice: no invoice is made until it is resumed',
  request: { params: idParam('rec') },
  responses: {
    200: jsonResponse(RecurringInvoiceSchema, 'The recurring invoice'),
    ...conflict,
    ...commonErrors,
  },
});

export function registerPauseRecurringInvoice(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await pauseRecurringFor(tenantContext(c), c.req.valid('param').id), 200),
  );
}
