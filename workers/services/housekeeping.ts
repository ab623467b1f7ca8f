import {
  deleteAuditLinesBefore,
  deleteExpiredIdempotencyRecords,
  deleteExpiredRateLimits,
  deleteExpiredSessions,
  deleteStalePortalRows,
  expiredExportFiles,
  forgetExportFile,
} from '@clientele/db';
import { purgeClosedBusinesses } from './account/closing';
import type { AppContext } from './context';
import { createDueRecurringInvoices } from './recurring/runs';
import { queueDueReminders } from './reminders/schedule';
import { reconcileStripe } from './stripe/reconcile';
import { releaseExpiredHeldMail } from './tickets/held-mail';

/**
 * Expired or revoked sign-in links are kept this long before deletion, so "email me a
 * new link" on an old email still finds the client.
 */
export const STALE_LINK_KEEP_MS = 30 * 24 * 3600 * 1000;

/** The audit log keeps a year: long enough for an annual review, no longer than needed. */
export const AUDIT_KEEP_MS = 365 * 24 * 3600 * 1000;

/** Removes audit lines older than a year, in bounded batches (the next tick takes any rest). */
export async function removeOldAuditLines(ctx: AppContext): Promise<number> {
  return deleteAuditLinesBefore(ctx.db, new Date(ctx.now.getTime() - AUDIT_KEEP_MS));
}

/** Export ZIPs removed per tick: the next tick takes any rest. */
const EXPORT_FILES_PER_TICK = 50;

/**
 * Deletes the ZIP of every export past its 7-day download window (a copy of the whole
 * business should not outlive its use), then forgets the key; a ZIP already gone is fine.
 */
export async function removeExpiredExportFiles(ctx: AppContext): Promise<number> {
  const due = await expiredExportFiles(ctx.db, ctx.now, EXPORT_FILES_PER_TICK);
  for (const e of due) {
    if (e.fileKey) await ctx.files.delete(e.fileKey);
    await forgetExportFile(ctx.db, e.tenantId, e.id);
  }
  return due.length;
}

/**
 * Deletes what has outlived its use: expired admin and portal sessions, old sign-in links,
 * rate-limit windows, idempotency keys, held replies nobody accepted within 30 days, audit
 * lines older than a year, and export ZIPs past their download window.
 */
export async function sweepExpired(ctx: AppContext): Promise<void> {
  await deleteExpiredSessions(ctx.db, ctx.now);
  await deleteStalePortalRows(ctx.db, ctx.now, STALE_LINK_KEEP_MS);
  await deleteExpiredRateLimits(ctx.db, ctx.now);
  await deleteExpiredIdempotencyRecords(ctx.db, ctx.now);
  await releaseExpiredHeldMail(ctx);
  await removeOldAuditLines(ctx);
  await removeExpiredExportFiles(ctx);
}

/**
 * Every cron tick: make the recurring invoices that are due, queue the reminder steps that have come, apply
 * Stripe payments whose webhook never arrived, then housekeeping.
 */
export async function runScheduledWork(ctx: AppContext) {
  const recurringInvoices = await createDueRecurringInvoices(ctx);
  const reminders = await queueDueReminders(ctx);
  const stripePayments = await reconcileStripe(ctx);
  await sweepExpired(ctx);
  const closed = await purgeClosedBusinesses(ctx);
  return { recurringInvoices, reminders, stripePayments, closedBusinessesRemoved: closed.purged };
}
