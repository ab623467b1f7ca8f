import { createRoute, z } from '@hono/zod-openapi';
import { setStatus } from '../../../services/tickets/tickets';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { TicketSchema } from './schema';

const route = createRoute({
  method: 'patch',
  path: '/tickets/{id}',
  tags: ['Support'],
  security,
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
