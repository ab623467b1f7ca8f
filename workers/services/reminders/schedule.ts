import { addDays, defaultTimeZone, planReminders, reminderStepKey, todayIn } from '@clientele/core';
import { claimReminder, reminderCandidates } from '@clientele/db';
import { type AppContext, forTenant } from '../context';
import { queueClientEmail } from '../mail/outgoing';

/** Invoices looked at per cron tick: the next tick (15 minutes later) takes any rest. */
export const REMINDER_INVOICES_PER_TICK = 200;

/**
 * The cron's reminders. For each unpaid issued invoice with a step that has come (in the
 * business's time zone, from its country, as recurring invoices default to), `planReminders`
 * picks at most one step to email — the latest one — and marks the earlier ones it overtook
 * skipped; a step more than `REMINDER_GRACE_DAYS` old is skipped too. Each step is claimed in
 * reminder_log before its email is created, so runs that overlap or come late send nothing more.
 */
export async function queueDueReminders(ctx: AppContext): Promise<number> {
  // The furthest-ahead time zone is at most a day ahead of UTC: nothing later can be due anywhere.
  const latestDay = addDays(ctx.now.toISOString().slice(0, 10), 1);
  let queued = 0;
  for (const c of await reminderCandidates(ctx.db, latestDay, REMINDER_INVOICES_PER_TICK)) {
    const today = todayIn(defaultTimeZone(c.country), ctx.now);
    const plan = planReminders(c.dueDate, c.offsets, c.logged, today);
    const of = { tenantId: c.tenantId, invoiceId: c.invoiceId };
    for (const offset of plan.skip) {
      await claimReminder(ctx.db, { ...of, rule: reminderStepKey(offset), outcome: 'skipped' }, ctx.now);
    }
    if (plan.send === null) continue;
    const rule = reminderStepKey(plan.send);
    if (!(await claimReminder(ctx.db, { ...of, rule }, ctx.now))) continue;
    const email = await queueClientEmail(
      forTenant(ctx, c.tenantId),
      { clientId: c.clientId, documentId: c.invoiceId, kind: 'reminder', variant: rule },
      `reminder:${c.invoiceId}:${rule}`,
      { whenCapped: 'skip' },
    );
    if (email) queued++;
  }
  return queued;
}
