import { createRoute } from '@hono/zod-openapi';
import { remindNow } from '../../../services/reminders/remind-now';
import { RemindedSchema } from '../../../services/reminders/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonResponse, ProblemSchema, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'remindInvoice',
  method: 'post',
  path: '/invoices/{id}/remind',
  tags: ['Invoices'],
  security,
  ...permit('write'),
  summary:
    "Email the client a reminder now, with the words of the business's step nearest today (draft, paid, void or fully credited → 409; once an hour per invoice → 429)",
  request: { params: idParam('inv') },
  responses: {
    202: jsonResponse(RemindedSchema, 'The reminder is queued'),
    ...conflict,
    429: {
      description:
        'A reminder for this invoice went out less than an hour ago; `Retry-After` says when to try',
      headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerRemindInvoice(app: Router) {
  app.openapi(route, async (c) => c.json(await remindNow(tenantContext(c), c.req.valid('param').id), 202));
}
