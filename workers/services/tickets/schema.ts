import { TICKET_STATUSES } from '@clientele/db';
import { z } from '@hono/zod-openapi';
import { problemWords } from '../reader-language';

export const TicketMessageSchema = z
  .object({
    id: z.string(),
    author: z.enum(['client', 'staff']),
    via: z.enum(['portal', 'email', 'admin']),
    authorName: z.string().nullable(),
    body: z.string(),
    internal: z.boolean().openapi({ description: 'An internal note: never shown or sent to the client' }),
    attachments: z.array(
      z.object({ id: z.string(), name: z.string(), contentType: z.string(), size: z.number().int() }),
    ),
    createdAt: z.string(),
  })
  .openapi('TicketMessage');

export const TicketSchema = z
  .object({
    id: z.string(),
    clientId: z.string(),
    clientName: z.string().optional(),
    subject: z.string(),
    status: z.enum(TICKET_STATUSES),
    awaitingReply: z.boolean().openapi({ description: 'The business owes the next answer' }),
    invoiceId: z.string().nullable(),
    lastMessageAt: z.string(),
    createdAt: z.string(),
    messages: z.array(TicketMessageSchema).optional(),
  })
  .openapi('Ticket');

export const ReplySchema = z
  .object({
    body: z
      .string()
      .trim()
      .min(1, { error: () => problemWords().writeReply })
      .max(20_000),
    internal: z.boolean().optional().openapi({ description: 'Keep it as an internal note (not emailed)' }),
  })
  .openapi('TicketReply');

export const InboundMailSchema = z
  .object({
    id: z.string(),
    ticketId: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    subject: z.string().nullable(),
    messageId: z.string().nullable(),
    outcome: z.enum(['accepted', 'rejected', 'ignored', 'duplicate']),
    reason: z.string().nullable(),
    acceptable: z
      .boolean()
      .openapi({ description: 'Held because its sender was not verified: the owner may accept it' }),
    receivedAt: z.string(),
  })
  .openapi('InboundMail');

export type TicketView = z.infer<typeof TicketSchema>;
export type MessageView = z.infer<typeof TicketMessageSchema>;
export type InboundMailView = z.infer<typeof InboundMailSchema>;
