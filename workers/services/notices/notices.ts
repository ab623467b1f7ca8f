import {
  type ActivityFacts,
  type ActivityKind,
  addToDigest,
  createEmail,
  getTenant,
  hitRateLimit,
  recentActivity,
  recordActivity,
  type Tenant,
} from '@clientele/db';
import type { TenantContext } from '../context';
import { handToQueue } from '../mail/outgoing';
import { NOTICE_DIGEST_KIND, NOTICE_KIND, noticeLine, noticePath } from './compose';

/**
 * Notice emails a business gets one by one in an hour; past that, the rest of the hour
 * goes out as one digest, so a flood of client actions never floods the owner's inbox.
 */
export const NOTICES_PER_HOUR = 10;
const HOUR_MS = 3600_000;
/** The digest leaves just after its hour closes, so notices of the hour's last moments are in it. */
const DIGEST_SLACK_SECONDS = 60;

const WANTS: Record<ActivityKind, (t: Tenant) => boolean> = {
  estimate_accepted: (t) => t.notifyEstimateDecisions,
  estimate_rejected: (t) => t.notifyEstimateDecisions,
  payment_received: (t) => t.notifyOnlinePayments,
  ticket_opened: (t) => t.notifyTickets,
  payment_disputed: (t) => t.notifyOnlinePayments,
  dispute_closed: (t) => t.notifyOnlinePayments,
};

/**
 * A client did something the business should hear about: it goes on the dashboard, and
 * to the business email unless that kind of notice is turned off in Settings — one email
 * each up to `NOTICES_PER_HOUR`, then in the hour's digest.
 */
export async function tellBusiness(
  ctx: TenantContext,
  event: { kind: ActivityKind; clientId: string; subjectId: string; facts: ActivityFacts },
) {
  const row = await recordActivity(ctx.db, ctx.tenantId, event, ctx.now);
  const tenant = await getTenant(ctx.db, ctx.tenantId);
  if (!tenant?.email || !WANTS[event.kind](tenant)) return;
  const hour = await hitRateLimit(ctx.db, `notices:${ctx.tenantId}`, HOUR_MS, ctx.now);
  if (hour.count <= NOTICES_PER_HOUR) {
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
    await handToQueue(ctx, email);
    return;
  }
  // One digest per window: its key is the window's end, so every notice past the limit finds it.
  const digest = await createEmail(
    ctx.db,
    ctx.tenantId,
    {
      clientId: null,
      documentId: null,
      kind: NOTICE_DIGEST_KIND,
      to: tenant.email,
      idempotencyKey: `notice-digest:${hour.resetAt.getTime()}`,
    },
    ctx.now,
  );
  await addToDigest(ctx.db, ctx.tenantId, row.id, digest.id);
  // The counter is atomic, so exactly one notice is the first past the limit: it sends the digest,
  // timed for the end of the window; the consumer reads the bundled notices when it runs.
  if (hour.count === NOTICES_PER_HOUR + 1) {
    const delay = Math.ceil((hour.resetAt.getTime() - ctx.now.getTime()) / 1000) + DIGEST_SLACK_SECONDS;
    await handToQueue(ctx, digest, delay);
  }
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
