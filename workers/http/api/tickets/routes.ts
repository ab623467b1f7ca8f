import { createRoute, z } from '@hono/zod-openapi';
import { acceptInboundMail } from '../../../services/tickets/inbound-accept';
import { inboundMailLog } from '../../../services/tickets/inbound-log';
import {
  awaitingReplyCount,
  replyAsStaff,
  setStatus,
  ticketAttachment,
  ticketForBusiness,
  ticketList,
} from '../../../services/tickets/tickets';
import { attachmentResponse } from '../../attachment-response';
import { requireOwner } from '../../middleware/authenticate';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonBody, jsonResponse, pageOf, paginationQuery, security } from '../fields';
import type { Router } from '../router';
import { InboundMailSchema, ReplySchema, TicketMessageSchema, TicketSchema } from './schema';

const tags = ['Support'];

export function registerTicketRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/tickets/unread-count',
      tags,
      security,
      summary: 'Tickets awaiting the business (the Support badge)',
      responses: { 200: jsonResponse(z.object({ count: z.number().int() }), 'Count'), ...commonErrors },
    }),
    async (c) => c.json({ count: await awaitingReplyCount(tenantContext(c)) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/tickets/inbound-mail',
      tags,
      security,
      summary: 'Recent mail to the reply addresses: accepted, rejected (with the reason) or set aside',
      responses: {
        200: jsonResponse(z.object({ data: z.array(InboundMailSchema) }), 'Inbound mail'),
        ...commonErrors,
      },
    }),
    async (c) => c.json({ data: await inboundMailLog(tenantContext(c)) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/tickets/inbound-mail/{id}/accept',
      tags,
      security,
      // Taking mail whose sender could not be verified onto a client's thread is the owner's call.
      middleware: [requireOwner()] as const,
      summary:
        'Accept a reply held because its sender was not verified: it is added to its conversation once',
      description: '409 when the message was already accepted, or is not one held for an unverified sender.',
      request: { params: idParam('inm') },
      responses: { 200: jsonResponse(InboundMailSchema, 'The log line, now accepted'), ...commonErrors },
    }),
    async (c) =>
      c.json(await acceptInboundMail(tenantContext(c), c.req.valid('param').id, c.var.auth.email), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/tickets',
      tags,
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
    }),
    async (c) => c.json(await ticketList(tenantContext(c), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/tickets/{id}',
      tags,
      security,
      summary: 'A ticket with its whole thread, internal notes included',
      request: { params: idParam('tkt') },
      responses: { 200: jsonResponse(TicketSchema, 'Ticket'), ...commonErrors },
    }),
    async (c) => c.json(await ticketForBusiness(tenantContext(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/tickets/{id}/messages',
      tags,
      security,
      summary: 'Reply (emailed to the client with a reply address on this thread) or add an internal note',
      request: { params: idParam('tkt'), body: jsonBody(ReplySchema) },
      responses: { 201: jsonResponse(TicketMessageSchema, 'The message'), ...commonErrors },
    }),
    async (c) => {
      const { body, internal } = c.req.valid('json');
      const message = await replyAsStaff(tenantContext(c), c.req.valid('param').id, {
        body,
        internal: internal ?? false,
        authorName: c.var.auth.email,
      });
      return c.json(message, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/tickets/{id}',
      tags,
      security,
      summary: 'Close or reopen a ticket',
      request: {
        params: idParam('tkt'),
        body: jsonBody(z.object({ status: z.enum(['open', 'closed']) }).openapi('TicketPatch')),
      },
      responses: { 200: jsonResponse(TicketSchema, 'Ticket'), ...commonErrors },
    }),
    async (c) =>
      c.json(await setStatus(tenantContext(c), c.req.valid('param').id, c.req.valid('json').status), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/tickets/{id}/attachments/{attachmentId}',
      tags,
      security,
      summary: 'Download an attachment of the thread',
      request: { params: idParam('tkt').extend({ attachmentId: z.string().max(64) }) },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id, attachmentId } = c.req.valid('param');
      const file = await ticketAttachment(tenantContext(c), id, attachmentId, {});
      return attachmentResponse(file);
    },
  );
}
