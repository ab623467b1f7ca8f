import { createRoute, z } from '@hono/zod-openapi';
import { ticketList } from '../../../services/tickets/tickets';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, pageOf, paginationQuery, security } from '../fields';
import type { Router } from '../router';
import { TicketSchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/tickets',
  tags: ['Support'],
  security,
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
