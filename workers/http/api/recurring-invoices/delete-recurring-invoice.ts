import { createRoute } from '@hono/zod-openapi';
import { deleteRecurringFor } from '../../../services/recurring/profiles';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'deleteRecurringInvoice',
  method: 'delete',
  path: '/recurring-invoices/{id}',
  tags: ['Recurring invoices'],
  security,
  ...permit('write'),
  summary: 'Delete a recurring invoice (the invoices it made stay)',
  request: { params: idParam('rec') },
  responses: { 204: { description: 'Deleted' }, ...commonErrors },
});

export function registerDeleteRecurringInvoice(app: Router) {
  app.openapi(route, async (c) => {
    await deleteRecurringFor(tenantContext(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
