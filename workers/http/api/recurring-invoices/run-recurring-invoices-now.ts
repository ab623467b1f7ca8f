import { createRoute, z } from '@hono/zod-openapi';
import { runRecurringNow } from '../../../services/recurring/runs';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'runRecurringInvoicesNow',
  method: 'post',
  path: '/dev/recurring-invoices/run',
  tags: ['Development'],
  security,
  ...permit('write'),
  summary:
    'Make this business’s due recurring invoices now, as the cron would (only when DEV_OUTBOX=1; 404 otherwise); signed in only, no API key',
  responses: {
    200: jsonResponse(z.object({ created: z.number().int() }), 'How many invoices were made'),
    ...commonErrors,
  },
});

export function registerRunRecurringInvoicesNow(app: Router) {
  app.openapi(route, async (c) => c.json(await runRecurringNow(tenantContext(c)), 200));
}
