import { createRoute, z } from '@hono/zod-openapi';
import { TicketSchema } from '../../../services/tickets/schema';
import { setStatus } from '../../../services/tickets/tickets';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'updateTicketStatus',
  method: 'patch',
  path: '/tickets/{id}',
  tags: ['Support'],
  security,
  ...permit('write'),
  summary: 'Close or reopen a ticket',
  request: {
    params: idParam('tkt'),
    body: jsonBody(z.object({ status: z.enum(['open', 'closed']) }).openapi('TicketPatch')),
  },
  responses: { 200: jsonResponse(TicketSchema, 'Ticket'), ...commonErrors },
});

export function registerUpdateTicketStatus(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await setStatus(tenantContext(c), c.req.valid('param').id, c.req.valid('json').status), 200),
  );
}
