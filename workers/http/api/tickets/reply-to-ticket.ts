import { createRoute } from '@hono/zod-openapi';
import { ReplySchema, TicketMessageSchema } from '../../../services/tickets/schema';
import { replyAsStaff } from '../../../services/tickets/tickets';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'replyToTicket',
  method: 'post',
  path: '/tickets/{id}/messages',
  tags: ['Support'],
  security,
  ...permit('write'),
  summary: 'Reply (emailed to the client with a reply address on this thread) or add an internal note',
  request: { params: idParam('tkt'), body: jsonBody(ReplySchema) },
  responses: { 201: jsonResponse(TicketMessageSchema, 'The message'), ...commonErrors },
});

export function registerReplyToTicket(app: Router) {
  app.openapi(route, async (c) => {
    const { body, internal } = c.req.valid('json');
    const message = await replyAsStaff(tenantContext(c), c.req.valid('param').id, {
      body,
      internal: internal ?? false,
      authorName: c.var.auth.email,
    });
    return c.json(message, 201);
  });
}
