import {
  type ActivityFacts,
  type ActivityKind,
  createEmail,
  getTenant,
  recentActivity,
  recordActivity,
  type Tenant,
} from '@clientele/db';
import type { TenantContext } from '../context';
import { handToQueue } from '../mail/outgoing';
import { NOTICE_KIND, noticeLine, noticePath } from './compose';

const WANTS: Record<ActivityKind, (t: Tenant) => boolean> = {
  estimate_accepted: (t) => t.notifyEstimateDecisions,
  estimate_rejected: (t) => t.notifyEstimateDecisions,
  payment_received: (t) => t.notifyOnlinePayments,
  ticket_opened: (t) => t.notifyTickets,
};

/**
 * A client did something the business should hear about: it goes on the dashboard, and
 * to the business email unless that kind of notice is turned off in Settings.
 */
export async function tellBusiness(
  ctx: TenantContext,
  queue: Queue,
  event: { kind: ActivityKind; clientId: string; subjectId: string; facts: ActivityFacts },
) {
  const row = await recordActivity(ctx.db, ctx.tenantId, event, ctx.now);
  const tenant = await getTenant(ctx.db, ctx.tenantId);
  if (!tenant?.email || !WANTS[event.kind](tenant)) return;
  const email = await createEmail(
    ctx.db,
    ctx.tenantId,
    {
      clientId: event.clientId,
      documentId: null,
      activityId: row.id,
      kind: NOTICE_KIND,
      to: tenant.email,
      idempotencyKey: `notice:${row.id}`,
    },
    ctx.now,
  );
  await handToQueue(ctx, queue, email);
}

/** The dashboard's "what clients did" list, worded in the business's language. */
export async function activityFeed(ctx: TenantContext, language: string) {
  const rows = await recentActivity(ctx.db, ctx.tenantId, 10);
  return rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    clientId: a.clientId,
    text: noticeLine(a, language),
    path: noticePath(a),
    createdAt: a.createdAt.toISOString(),
  }));
}
