import { createRoute, z } from '@hono/zod-openapi';
import { awaitingReplyCount } from '../../../services/tickets/tickets';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'countAwaitingTickets',
  method: 'get',
  path: '/tickets/unread-count',
  tags: ['Support'],
  security,
  ...permit('read'),
  summary: 'Tickets awaiting the business (the Support badge)',
  responses: { 200: jsonResponse(z.object({ count: z.number().int() }), 'Count'), ...commonErrors },
});

export function registerCountAwaitingTickets(app: Router) {
  app.openapi(route, async (c) => c.json({ count: await awaitingReplyCount(tenantContext(c)) }, 200));
}
