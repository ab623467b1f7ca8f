import { createRoute } from '@hono/zod-openapi';
import { ticketForBusiness } from '../../../services/tickets/tickets';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { TicketSchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/tickets/{id}',
  tags: ['Support'],
  security,
  summary: 'A ticket with its whole thread, internal notes included',
  request: { params: idParam('tkt') },
  responses: { 200: jsonResponse(TicketSchema, 'Ticket'), ...commonErrors },
});

export function registerGetTicket(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await ticketForBusiness(tenantContext(c), c.req.valid('param').id), 200),
  );
}
