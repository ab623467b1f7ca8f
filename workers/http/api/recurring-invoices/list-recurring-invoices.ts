import { createRoute, z } from '@hono/zod-openapi';
import { listRecurringFor } from '../../../services/recurring/profiles';
import { RecurringInvoiceSchema } from '../../../services/recurring/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, pageOf, paginationQuery, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listRecurringInvoices',
  method: 'get',
  path: '/recurring-invoices',
  tags: ['Recurring invoices'],
  security,
  ...permit('read'),
  summary: 'List recurring invoices, newest first',
  request: { query: z.object({ clientId: z.string().max(64).optional(), ...paginationQuery }) },
  responses: {
    200: jsonResponse(pageOf(RecurringInvoiceSchema), 'A page of recurring invoices'),
    ...commonErrors,
  },
});

export function registerListRecurringInvoices(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await listRecurringFor(tenantContext(c), c.req.valid('query')), 200),
  );
}
