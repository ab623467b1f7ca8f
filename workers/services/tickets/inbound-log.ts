import { listInboundMail } from '@clientele/db';
import type { TenantContext } from '../context';

/** What the reply addresses received lately, with why anything was turned away. */
export async function inboundMailLog(ctx: TenantContext) {
  const rows = await listInboundMail(ctx.db, ctx.tenantId);
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticketId,
    from: r.from,
    to: r.to,
    subject: r.subject,
    outcome: r.outcome,
    reason: r.reason,
    receivedAt: r.receivedAt.toISOString(),
  }));
}
