import { createRoute } from '@hono/zod-openapi';
import { reminderHistory } from '../../../services/reminders/remind-now';
import { ReminderHistorySchema } from '../../../services/reminders/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listInvoiceReminders',
  method: 'get',
  path: '/invoices/{id}/reminders',
  tags: ['Invoices'],
  security,
  ...permit('read'),
  summary: 'The reminders an invoice has had: each step sent or skipped, and each "Send reminder now"',
  request: { params: idParam('inv') },
  responses: { 200: jsonResponse(ReminderHistorySchema, 'Reminders, oldest first'), ...commonErrors },
});

export function registerListInvoiceReminders(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await reminderHistory(tenantContext(c), c.req.valid('param').id), 200),
  );
}
