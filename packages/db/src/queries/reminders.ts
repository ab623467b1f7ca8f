import { and, desc, eq, like, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';
import { reminderLog } from '../schema';
import { PAYABLE_SQL } from './status-sql';

/** An invoice with at least one reminder step that may have come, and what it already had. */
export interface ReminderCandidate {
  tenantId: string;
  invoiceId: string;
  clientId: string;
  /** The business's country: its time zone decides which day it is. */
  country: string | null;
  dueDate: string;
  /** Every step of the business (days from the due date). */
  offsets: number[];
  /** Keys already in reminder_log for this invoice (sent, skipped or manual). */
  logged: string[];
}

interface CandidateRow extends Omit<ReminderCandidate, 'offsets' | 'logged'> {
  offsets: string;
  logged: string;
}

const STEP_KEY = sql.raw(
  `CASE WHEN json_extract(s.value, '$.offsetDays') < 0 THEN 'before:' || -json_extract(s.value, '$.offsetDays') ELSE 'after:' || json_extract(s.value, '$.offsetDays') END`,
);

/**
 * Unpaid issued invoices, across businesses, with a step whose date is on or before `latestDay`
 * (tomorrow in UTC: the furthest-ahead time zone's today) and not in reminder_log yet; held back
 * while the client has a ticket about the invoice that is not closed, when the business asks
 * for that (`waiting` — the business answered, the client has not — still counts: the
 * conversation about the invoice is going on). A system job: every write that follows is scoped
 * by the row's own tenant id. Per invoice, not per step, so a tick's limit never splits the
 * steps of one invoice.
 */
export async function reminderCandidates(
  db: Db,
  latestDay: string,
  limit = 200,
): Promise<ReminderCandidate[]> {
  const rows = await db.all<CandidateRow>(sql`
    SELECT d.tenant_id AS tenantId, d.id AS invoiceId, d.client_id AS clientId, t.country AS country,
           d.due_date AS dueDate, t.reminder_steps AS offsets,
           (SELECT json_group_array(r.rule) FROM reminder_log r
             WHERE r.tenant_id = d.tenant_id AND r.invoice_id = d.id) AS logged
    FROM documents d
    JOIN tenants t ON t.id = d.tenant_id
    JOIN clients c ON c.id = d.client_id AND c.tenant_id = d.tenant_id
    WHERE t.closed_at IS NULL AND t.reminder_steps <> '[]'
      AND d.type = 'invoice' AND d.status IN (${PAYABLE_SQL}) AND d.total > d.amount_paid
      AND d.due_date IS NOT NULL AND c.email IS NOT NULL
      AND EXISTS (SELECT 1 FROM json_each(t.reminder_steps) s
        WHERE date(d.due_date, json_extract(s.value, '$.offsetDays') || ' days') <= ${latestDay}
          AND NOT EXISTS (SELECT 1 FROM reminder_log r
            WHERE r.tenant_id = d.tenant_id AND r.invoice_id = d.id AND r.rule = ${STEP_KEY}))
      AND (t.reminders_pause_for_tickets = 0 OR NOT EXISTS (SELECT 1 FROM tickets k
        WHERE k.tenant_id = d.tenant_id AND k.invoice_id = d.id AND k.status <> 'closed'))
    ORDER BY d.due_date, d.id
    LIMIT ${limit}`);
  return rows.map((r) => ({
    ...r,
    offsets: (JSON.parse(r.offsets) as { offsetDays: number }[]).map((s) => s.offsetDays),
    logged: JSON.parse(r.logged) as string[],
  }));
}

/** Whether the client has a ticket about this invoice that is not closed. */
export async function hasOpenTicketAbout(db: Db, tenantId: string, invoiceId: string) {
  const row = await db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM tickets
    WHERE tenant_id = ${tenantId} AND invoice_id = ${invoiceId} AND status <> 'closed'`);
  return (row?.n ?? 0) > 0;
}

/**
 * Claims a reminder step (or a manual reminder's hour) for an invoice, in one batch with what
 * goes beside it (its audit line); false when another run already had it.
 */
export async function claimReminder(
  db: Db,
  r: { tenantId: string; invoiceId: string; rule: string; outcome?: 'sent' | 'skipped' },
  now = new Date(),
  beside: BatchItem<'sqlite'>[] = [],
) {
  const claim = db
    .insert(reminderLog)
    .values({
      tenantId: r.tenantId,
      invoiceId: r.invoiceId,
      rule: r.rule,
      outcome: r.outcome ?? 'sent',
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ rule: reminderLog.rule });
  if (!beside.length) return (await claim.all()).length > 0;
  const [claimed] = await db.batch([claim, ...beside]);
  return claimed.length > 0;
}

/** When the last "Send reminder now" for this invoice was claimed, if ever. */
export async function lastManualReminder(db: Db, tenantId: string, invoiceId: string) {
  const row = await db
    .select({ createdAt: reminderLog.createdAt })
    .from(reminderLog)
    .where(
      and(
        eq(reminderLog.tenantId, tenantId),
        eq(reminderLog.invoiceId, invoiceId),
        like(reminderLog.rule, 'manual:%'),
      ),
    )
    .orderBy(desc(reminderLog.createdAt))
    .get();
  return row?.createdAt ?? null;
}

/** The reminders an invoice has had (sent and skipped), oldest first. */
export async function remindersOf(db: Db, tenantId: string, invoiceId: string) {
  return db
    .select({ rule: reminderLog.rule, outcome: reminderLog.outcome, createdAt: reminderLog.createdAt })
    .from(reminderLog)
    .where(and(eq(reminderLog.tenantId, tenantId), eq(reminderLog.invoiceId, invoiceId)))
    .orderBy(reminderLog.createdAt)
    .all();
}
