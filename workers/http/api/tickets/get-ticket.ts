import { createRoute } from '@hono/zod-openapi';
import { TicketSchema } from '../../../services/tickets/schema';
import { ticketForBusiness } from '../../../services/tickets/tickets';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getTicket',
  method: 'get',
  path: '/tickets/{id}',
  tags: ['Support'],
  security,
  ...permit('read'),
  summary: 'A ticket with its whole thread, internal notes included',
  request: { params: idParam('tkt') },
  responses: { 200: jsonResponse(TicketSchema, 'Ticket'), ...commonErrors },
});

export function registerGetTicket(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await ticketForBusiness(tenantContext(c), c.req.valid('param').id), 200),
  );
}
