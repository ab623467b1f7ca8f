import { defaultTimeZone, isPayable, manualStepKey, todayIn } from '@clientele/core';
import {
  claimReminder,
  getClient,
  getDocument,
  getTenant,
  lastManualReminder,
  remindersOf,
} from '@clientele/db';
import { auditLineIfChanged } from '../audit';
import type { TenantContext } from '../context';
import { ConflictError, DomainError, NotFoundError, say } from '../errors';
import { queueClientEmail } from '../mail/outgoing';
import type { Reminded, ReminderHistory } from './schema';

/** "Send reminder now" at most once an hour per invoice: a double click or an eager colleague is not a second email. */
export const MANUAL_REMINDER_GAP_MS = 3600 * 1000;

function tooSoon(since: number): DomainError {
  const seconds = Math.max(1, Math.ceil((MANUAL_REMINDER_GAP_MS - since) / 1000));
  return new DomainError(429, say('remindTooSoon', Math.ceil(seconds / 60)), [], {
    'retry-after': String(seconds),
  });
}

/**
 * Emails the client a reminder about an unpaid issued invoice now, with the words of the
 * business's step for where the invoice stands (`manualStepKey`). The claim
 * (`manual:<hour>` in reminder_log) and its audit line are one batch; the hour in the key makes
 * two simultaneous clicks one claim. Drafts, paid, void and fully credited invoices: 409.
 */
export async function remindNow(ctx: TenantContext, invoiceId: string): Promise<Reminded> {
  const row = await getDocument(ctx.db, ctx.tenantId, 'invoice', invoiceId);
  if (!row) throw new NotFoundError('invoice');
  if (!isPayable(row.status) || row.total - row.amountPaid <= 0) throw new ConflictError('remindOnlyOwing');
  const [client, tenant, last] = await Promise.all([
    getClient(ctx.db, ctx.tenantId, row.clientId),
    getTenant(ctx.db, ctx.tenantId),
    lastManualReminder(ctx.db, ctx.tenantId, invoiceId),
  ]);
  if (!tenant) throw new NotFoundError('business');
  if (!client?.email) throw new ConflictError('remindNoEmail');
  if (last && ctx.now.getTime() - last.getTime() < MANUAL_REMINDER_GAP_MS) {
    throw tooSoon(ctx.now.getTime() - last.getTime());
  }
  const today = todayIn(defaultTimeZone(tenant.country), ctx.now);
  const offsets = tenant.reminderSteps.map((s) => s.offsetDays);
  const step = row.dueDate ? manualStepKey(row.dueDate, offsets, today) : null;
  const rule = `manual:${ctx.now.toISOString().slice(0, 13)}`;
  const claimed = await claimReminder(ctx.db, { tenantId: ctx.tenantId, invoiceId, rule }, ctx.now, [
    auditLineIfChanged(ctx, 'invoice.reminded', { type: 'invoice', id: invoiceId }, { step }),
  ]);
  if (!claimed) throw tooSoon(0);
  const email = await queueClientEmail(
    ctx,
    { clientId: row.clientId, documentId: invoiceId, kind: 'reminder', variant: step },
    `reminder:${invoiceId}:${rule}`,
    { whenCapped: 'refuse' },
  );
  if (!email) throw new ConflictError('remindNoEmail');
  return { invoiceId, step, email: { id: email.id, status: email.status, to: email.to } };
}

/** The reminders an invoice has had: each step sent or skipped, and each "Send reminder now". */
export async function reminderHistory(ctx: TenantContext, invoiceId: string): Promise<ReminderHistory> {
  const row = await getDocument(ctx.db, ctx.tenantId, 'invoice', invoiceId);
  if (!row) throw new NotFoundError('invoice');
  const rows = await remindersOf(ctx.db, ctx.tenantId, invoiceId);
  return {
    data: rows.map((r) => ({
      step: r.rule.startsWith('manual:') ? 'manual' : r.rule,
      outcome: r.outcome,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
