import {
  addDays,
  formatDate,
  isLanguage,
  type LineInput,
  occurrence,
  periodOf,
  runAllowed,
  todayIn,
} from '@clientele/core';
import {
  createRecurringRun,
  type DocumentFields,
  dueRecurring,
  getClient,
  getDocument,
  getTenant,
  markRecurringSent,
  passBilledRecurringRun,
  pendingRecurringSends,
  type RecurringRow,
  updateRecurring,
} from '@clientele/db';
import { auditLine, auditLineIfChanged } from '../audit';
import { type AppContext, forTenant, type TenantContext } from '../context';
import { computeTotals, sendDocument } from '../documents/documents';
import { NotFoundError } from '../errors';
import { scheduleOf } from './profiles';

/**
 * Invoices made per cron tick at most (each costs a handful of queries of the 1 000 an
 * invocation may make); a longer catch-up goes on at the next tick, still in order.
 */
export const RECURRING_INVOICES_PER_TICK = 40;

/** `{{period.start}}` and `{{period.end}}` as the client reads dates. */
function withPeriod(text: string, period: { start: string; end: string }, language: string): string {
  if (!text.includes('{{')) return text;
  const lang = isLanguage(language) ? language : 'en';
  return text
    .replaceAll('{{period.start}}', formatDate(period.start, lang))
    .replaceAll('{{period.end}}', formatDate(period.end, lang));
}

type RunOutcome = { made: string | null; profile: RecurringRow } | null;

/**
 * The run was refused. When its period already has a run (an invoice was made for it before
 * an edit brought the profile back to that date), the profile moves past it — left there it
 * would stay due for ever and keep a place in every tick. When another tick made it just now,
 * or the profile was paused or edited meanwhile, nothing changes.
 */
async function passBilled(
  ctx: TenantContext,
  p: RecurringRow,
  schedule: ReturnType<typeof scheduleOf>,
  runDate: string,
): Promise<RunOutcome> {
  const nextIndex = p.nextIndex + 1;
  const next = runAllowed(schedule, nextIndex, p.invoicesCreated)
    ? { nextRunDate: occurrence(schedule, nextIndex), nextIndex, status: 'active' as const }
    : { nextRunDate: null, nextIndex, status: 'ended' as const };
  if (!(await passBilledRecurringRun(ctx.db, { profile: p, periodStart: runDate, next }, ctx.now)))
    return null;
  ctx.log.warn('recurring run passed: its period was already billed', { recurringId: p.id, period: runDate });
  return { made: null, profile: { ...p, ...next } };
}

/**
 * Makes the invoice of a profile's next run (a draft dated on the run's date) and moves the
 * profile on, in one batch (`createRecurringRun`); null when another run made it first, or
 * the profile cannot bill (its client archived: then it is paused, with an audit line).
 */
async function runOnce(ctx: TenantContext, p: RecurringRow): Promise<RunOutcome> {
  const runDate = p.nextRunDate;
  if (!runDate) return null;
  const [tenant, client] = await Promise.all([
    getTenant(ctx.db, ctx.tenantId),
    getClient(ctx.db, ctx.tenantId, p.clientId),
  ]);
  // The cron leaves closed businesses out (`dueRecurring`); this is for one closed meanwhile.
  if (!tenant || tenant.closedAt) return null;
  if (!client || client.archivedAt) {
    await updateRecurring(
      ctx.db,
      ctx.tenantId,
      p.id,
      { status: 'paused' },
      { statuses: ['active'] },
      ctx.now,
      (id) => [
        auditLineIfChanged(ctx, 'recurring.paused', { type: 'recurring', id }, { reason: 'clientArchived' }),
      ],
    );
    ctx.log.warn('recurring invoice paused: its client is archived', { recurringId: p.id });
    return null;
  }
  const schedule = scheduleOf(p);
  const period = periodOf(schedule, p.nextIndex);
  const lines: LineInput[] = p.lines.map((l) => ({
    ...l,
    description: withPeriod(l.description, period, client.language),
  }));
  const fields: DocumentFields = {
    clientId: client.id,
    currency: p.currency,
    language: client.language,
    issueDate: runDate,
    dueDate: addDays(runDate, p.paymentTermsDays ?? tenant.paymentTermsDays),
    validUntil: null,
    lines,
    discountPercent: 0,
    notes: p.notes === null ? null : withPeriod(p.notes, period, client.language),
    footer: null,
  };
  const created = p.invoicesCreated + 1;
  const nextIndex = p.nextIndex + 1;
  const next = runAllowed(schedule, nextIndex, created)
    ? { nextRunDate: occurrence(schedule, nextIndex), nextIndex, status: 'active' as const }
    : { nextRunDate: null, nextIndex, status: 'ended' as const };
  const invoiceId = await createRecurringRun(
    ctx.db,
    {
      profile: p,
      periodStart: runDate,
      next,
      invoice: { fields, totals: computeTotals(lines, 0) },
      sendPending: p.autoSend,
    },
    ctx.now,
    (id) => [
      auditLine(ctx, 'invoice.created', { type: 'invoice', id }, { recurringId: p.id, period: period.start }),
    ],
  );
  if (!invoiceId) return passBilled(ctx, p, schedule, runDate);
  if (p.autoSend) await issueAndEmail(ctx, { recurringId: p.id, periodStart: runDate, invoiceId });
  return { made: invoiceId, profile: { ...p, ...next, invoicesCreated: created } };
}

/**
 * Issues an auto-send run's invoice and queues its email exactly as "Send" does (number,
 * snapshot, `send:<id>` email key, so a retry never emails twice), then clears the run's
 * pending mark. A refusal (the daily email cap, a number clash) leaves it pending for the
 * next tick; an invoice someone issued or deleted meanwhile is left as it is.
 */
async function issueAndEmail(
  ctx: TenantContext,
  run: { recurringId: string; periodStart: string; invoiceId: string },
): Promise<void> {
  const doc = await getDocument(ctx.db, ctx.tenantId, 'invoice', run.invoiceId);
  if (doc?.status === 'draft') {
    try {
      await sendDocument(ctx, 'invoice', run.invoiceId);
    } catch (err) {
      // Another tick issued it a moment ago: that one emails it.
      const now = await getDocument(ctx.db, ctx.tenantId, 'invoice', run.invoiceId);
      if (now && now.status !== 'draft') return;
      ctx.log.warn('recurring invoice not sent yet; retried next run', {
        invoiceId: run.invoiceId,
        reason: err instanceof Error ? err.message : String(err),
      });
      return;
    }
  }
  await markRecurringSent(ctx.db, ctx.tenantId, run.recurringId, run.periodStart);
}

/**
 * Every cron tick: for each active profile whose run date has come in its own time zone,
 * one invoice per period, in order, catching up any periods missed while the cron was down;
 * then the auto-sends a previous tick could not finish. Two ticks at once make each
 * invoice once (`createRecurringRun`).
 */
export async function createDueRecurringInvoices(
  ctx: AppContext,
  only?: { tenantId: string },
): Promise<number> {
  // The latest calendar date anywhere (UTC+14): each profile is then checked in its zone.
  const until = addDays(ctx.now.toISOString().slice(0, 10), 1);
  let made = 0;
  for (const due of await dueRecurring(ctx.db, until, RECURRING_INVOICES_PER_TICK, only?.tenantId)) {
    const tctx = forTenant(ctx, due.tenantId);
    let p: RecurringRow = due;
    while (made < RECURRING_INVOICES_PER_TICK && p.status === 'active' && p.nextRunDate) {
      if (p.nextRunDate > todayIn(p.timeZone, ctx.now)) break;
      const outcome = await runOnce(tctx, p).catch((err: unknown) => {
        tctx.log.error('recurring invoice failed', {
          recurringId: p.id,
          reason: err instanceof Error ? err.message : String(err),
        });
        return null;
      });
      if (!outcome) break;
      if (outcome.made) made++;
      p = outcome.profile;
    }
    if (made >= RECURRING_INVOICES_PER_TICK) break;
  }
  for (const run of await pendingRecurringSends(ctx.db, RECURRING_INVOICES_PER_TICK, only?.tenantId)) {
    await issueAndEmail(forTenant(ctx, run.tenantId), run);
  }
  return made;
}

/**
 * Development only (`DEV_OUTBOX=1`, else the route is not found): runs the cron's recurring
 * step now for the caller's business alone. `wrangler dev` cannot fire the scheduled handler
 * of a Worker with static assets (its scheduled endpoint reaches the assets router), so local
 * runs and browser tests use this; the step is the same one the cron runs.
 */
export async function runRecurringNow(ctx: TenantContext): Promise<{ created: number }> {
  if (!ctx.config.mail.devOutbox) throw new NotFoundError('route');
  return { created: await createDueRecurringInvoices(ctx, { tenantId: ctx.tenantId }) };
}
