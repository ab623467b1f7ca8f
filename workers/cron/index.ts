import {
  claimReminder,
  deleteExpiredIdempotencyRecords,
  deleteExpiredRateLimits,
  deleteExpiredSessions,
  deleteStalePortalRows,
  dueReminders,
} from '@clientele/db';
import { createD1Db } from '@clientele/db/d1';
import { queueDocumentEmail } from '../services/mail/outgoing';
import { reconcileStripe } from '../services/stripe/reconcile';
import { releaseExpiredHeldMail } from '../services/tickets/held-mail';

/**
 * Expired or revoked sign-in links are kept this long before deletion, so "email me a
 * new link" on an old email still finds the client.
 */
export const STALE_LINK_KEEP_MS = 30 * 24 * 3600 * 1000;

/**
 * Every tick: queue overdue reminders (once per invoice per rule, claimed before the
 * email is created so overlapping runs cannot double-send), apply Stripe payments whose
 * webhook never arrived, then housekeeping — expired
 * admin and portal sessions, old sign-in links, rate-limit windows, idempotency keys, and
 * held replies nobody accepted within 30 days.
 */
export async function handleScheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext) {
  const db = createD1Db(env.DB);
  const now = new Date(controller.scheduledTime);
  const today = now.toISOString().slice(0, 10);
  for (const r of await dueReminders(db, today)) {
    if (!(await claimReminder(db, r, now))) continue;
    await queueDocumentEmail(
      { db, tenantId: r.tenantId, now },
      env.EMAIL_QUEUE,
      { id: r.invoiceId, type: 'invoice', clientId: r.clientId },
      `reminder:${r.invoiceId}:${r.rule}`,
      'reminder',
    );
  }
  await reconcileStripe(db, env, now);
  await deleteExpiredSessions(db, now);
  await deleteStalePortalRows(db, now, STALE_LINK_KEEP_MS);
  await deleteExpiredRateLimits(db, now);
  await deleteExpiredIdempotencyRecords(db, now);
  await releaseExpiredHeldMail(db, env.FILES, now);
}
