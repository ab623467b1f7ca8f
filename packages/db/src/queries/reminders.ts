import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { reminderLog } from '../schema';
import { PAYABLE_SQL } from './status-sql';

export interface DueReminder {
  tenantId: string;
  invoiceId: string;
  clientId: string;
  email: string;
  rule: string;
}

/**
 * Overdue invoices, across businesses with reminders on, whose rule has not fired yet.
 * A system job: every write that follows is scoped by the row's own tenant id.
 */
export async function dueReminders(db: Db, today: string, limit = 200): Promise<DueReminder[]> {
  return db.all<DueReminder>(sql`
    SELECT d.tenant_id AS tenantId, d.id AS invoiceId, d.client_id AS clientId, c.email AS email,
           'after:' || t.reminder_days_after_due AS rule
    FROM documents d
    JOIN tenants t ON t.id = d.tenant_id
    JOIN clients c ON c.id = d.client_id AND c.tenant_id = d.tenant_id
    WHERE t.reminders_enabled = 1 AND t.closed_at IS NULL
      AND d.type = 'invoice' AND d.status IN (${PAYABLE_SQL}) AND d.total > d.amount_paid
      AND d.due_date <= date(${today}, '-' || t.reminder_days_after_due || ' days')
      AND c.email IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM reminder_log r
        WHERE r.tenant_id = d.tenant_id AND r.invoice_id = d.id AND r.rule = 'after:' || t.reminder_days_after_due)
    LIMIT ${limit}`);
}

/** Claims a reminder; false when another run already did. */
export async function claimReminder(
  db: Db,
  r: Pick<DueReminder, 'tenantId' | 'invoiceId' | 'rule'>,
  now = new Date(),
) {
  const row = await db
    .insert(reminderLog)
    .values({ tenantId: r.tenantId, invoiceId: r.invoiceId, rule: r.rule, createdAt: now })
    .onConflictDoNothing()
    .returning({ rule: reminderLog.rule })
    .get();
  return row !== undefined;
}
