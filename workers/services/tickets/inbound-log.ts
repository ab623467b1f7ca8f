import { type InboundMailRow, listInboundMail } from '@clientele/db';
import type { TenantContext } from '../context';
import type { InboundMailView } from './schema';

export const toInboundMailView = (r: InboundMailRow): InboundMailView => ({
  id: r.id,
  ticketId: r.ticketId,
  from: r.from,
  to: r.to,
  subject: r.subject,
  messageId: r.messageId,
  outcome: r.outcome,
  reason: r.reason,
  // Only a reply held because its sender could not be verified is kept whole, so only it can be taken.
  acceptable: r.outcome === 'rejected' && r.rawKey !== null && r.ticketId !== null,
  receivedAt: r.receivedAt.toISOString(),
});

/** What the reply addresses received lately, with why anything was turned away. */
export async function inboundMailLog(ctx: TenantContext) {
  const rows = await listInboundMail(ctx.db, ctx.tenantId);
  return rows.map(toInboundMailView);
}
