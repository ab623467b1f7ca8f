import {
  acceptHeldInboundMail,
  getClient,
  getInboundMail,
  getTicket,
  type InboundMailRow,
} from '@clientele/db';
import { auditLineIfChanged } from '../audit';
import type { TenantContext } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import { validMessageId } from '../mail/message-id';
import { appendReply, attachmentsOf, parseInbound } from './inbound';
import { toInboundMailView } from './inbound-log';
import { MAX_ATTACHMENTS } from './tickets';

/**
 * The business takes a reply it was not sure of (sender not verified) onto its thread: the
 * held raw message goes through the same path as a verified reply, attachments included, and
 * the log line becomes `accepted` in the same batch — once, however many times it is asked.
 */
export async function acceptInboundMail(ctx: TenantContext, id: string, acceptedBy: string | null) {
  const held = await getInboundMail(ctx.db, ctx.tenantId, id);
  if (!held) throw new NotFoundError('inboundMail');
  if (held.outcome === 'accepted') throw new ConflictError('alreadyOnConversation');
  const notAcceptable = new ConflictError('onlyHeldAccepted');
  if (held.outcome !== 'rejected' || !held.rawKey || !held.ticketId) throw notAcceptable;
  const [ticket, object] = await Promise.all([
    getTicket(ctx.db, ctx.tenantId, held.ticketId),
    ctx.files.get(held.rawKey),
  ]);
  const client = ticket ? await getClient(ctx.db, ctx.tenantId, ticket.clientId) : undefined;
  if (!ticket || !client || !object) throw notAcceptable;
  const mail = await parseInbound(await object.arrayBuffer()).catch(() => {
    throw notAcceptable;
  });
  if (attachmentsOf(mail).length > MAX_ATTACHMENTS) throw notAcceptable;

  const reason = `${held.reason ?? 'Sender not verified'}; accepted by ${acceptedBy ?? 'an API key'}`;
  const appended = await appendReply(
    ctx,
    ticket,
    client,
    mail,
    validMessageId(mail.messageId),
    async (message) => {
      try {
        return await acceptHeldInboundMail(
          ctx.db,
          { ...held, ticketId: ticket.id },
          message,
          reason,
          ctx.now,
          () => [
            auditLineIfChanged(
              ctx,
              'inbound_mail.accepted',
              { type: 'inboundMail', id },
              { ticketId: ticket.id },
            ),
          ],
        );
      } catch (err) {
        // Accepted at the same moment from another tab: its batch won the message's primary key.
        if ((await getInboundMail(ctx.db, ctx.tenantId, id))?.outcome === 'accepted') {
          throw new ConflictError('alreadyOnConversation');
        }
        throw err;
      }
    },
  );
  if (appended === 'empty') throw new ConflictError('nothingToAdd');
  if (appended === 'duplicate') throw new ConflictError('alreadyOnConversation');
  await ctx.files.delete(held.rawKey);
  const after = (await getInboundMail(ctx.db, ctx.tenantId, id)) as InboundMailRow;
  return toInboundMailView(after);
}
