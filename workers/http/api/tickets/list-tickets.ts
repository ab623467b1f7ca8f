import { createRoute, z } from '@hono/zod-openapi';
import { TicketSchema } from '../../../services/tickets/schema';
import { ticketList } from '../../../services/tickets/tickets';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, pageOf, paginationQuery, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listTickets',
  method: 'get',
  path: '/tickets',
  tags: ['Support'],
  security,
  ...permit('read'),
  summary: 'Support inbox, most recent activity first',
  request: {
    query: z.object({
      status: z.enum(['open', 'waiting', 'closed']).optional(),
      clientId: z.string().max(64).optional(),
      ...paginationQuery,
    }),
  },
  responses: { 200: jsonResponse(pageOf(TicketSchema), 'Tickets'), ...commonErrors },
});

export function registerListTickets(app: Router) {
  app.openapi(route, async (c) => c.json(await ticketList(tenantContext(c), c.req.valid('query')), 200));
}
