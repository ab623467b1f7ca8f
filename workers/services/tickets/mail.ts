import { getTicket, getTicketMessage, threadMessageIds } from '@clientele/db';
import type { TenantContext } from '../context';
import { replyAddress } from './reply-address';

export interface TicketMail {
  values: Record<string, string>;
  messageId: string;
  replyTo: string;
  inReplyTo: string | null;
  references: string[];
}

/**
 * What a ticket-reply email needs beyond the template: the ticket's subject and the reply
 * for {{ticket.subject}} / {{message.body}}, the signed Reply-To, and the thread's
 * Message-IDs so mail programs show one conversation. Undefined when the message is gone.
 */
export async function ticketMail(
  ctx: TenantContext,
  ticketMessageId: string,
): Promise<TicketMail | undefined> {
  const message = await getTicketMessage(ctx.db, ctx.tenantId, ticketMessageId);
  if (!message?.messageId || message.internal) return undefined;
  const ticket = await getTicket(ctx.db, ctx.tenantId, message.ticketId);
  if (!ticket) return undefined;
  const earlier = (await threadMessageIds(ctx.db, ctx.tenantId, ticket.id)).filter(
    (m) => m.messageId !== message.messageId,
  );
  const lastFromClient = earlier.filter((m) => m.author === 'client').at(-1);
  return {
    values: { 'ticket.subject': ticket.subject, 'message.body': message.body },
    messageId: message.messageId,
    replyTo: await replyAddress(ctx, ctx.tenantId, ticket.id),
    inReplyTo: lastFromClient?.messageId ?? earlier.at(-1)?.messageId ?? null,
    references: earlier.map((m) => m.messageId).slice(-20),
  };
}
