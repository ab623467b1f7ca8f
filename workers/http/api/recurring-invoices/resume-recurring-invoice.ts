import { createRoute } from '@hono/zod-openapi';
import { resumeRecurringFor } from '../../../services/recurring/profiles';
import { RecurringInvoiceSchema } from '../../../services/recurring/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'resumeRecurringInvoice',
  method: 'post',
  path: '/recurring-invoices/{id}/resume',
  tags: ['Recurring invoices'],
  security,
  ...permit('write'),
  summary:
    'Resume a paused recurring invoice from the next run date on or after today (paused periods are not billed)',
  request: { params: idParam('rec') },
  responses: {
    200: jsonResponse(RecurringInvoiceSchema, 'The recurring invoice'),
    ...conflict,
    ...commonErrors,
  },
});

export function registerResumeRecurringInvoice(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await resumeRecurringFor(tenantContext(c), c.req.valid('param').id), 200),
  );
}
