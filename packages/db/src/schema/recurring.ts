import { FREQUENCIES, type LineInput } from '@clientele/core';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clients } from './clients';
import { timestamp } from './columns';
import { tenants } from './tenants';

export const RECURRING_STATUSES = ['active', 'paused', 'ended'] as const;
export type RecurringStatus = (typeof RECURRING_STATUSES)[number];

/**
 * A recurring invoice: what to bill (client, lines, terms) and when (the schedule). The cron
 * creates one invoice per run date; `nextRunDate` and `nextIndex` say which run is next, so
 * editing the profile changes only the invoices still to come.
 */
export const recurringInvoices = sqliteTable(
  'recurring_invoices',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    currency: text('currency').notNull(),
    lines: text('lines', { mode: 'json' }).$type<LineInput[]>().notNull(),
    notes: text('notes'),
    /** Null: the business's payment terms when each invoice is made. */
    paymentTermsDays: integer('payment_terms_days'),
    frequency: text('frequency', { enum: FREQUENCIES }).notNull(),
    interval: integer('interval').notNull(),
    dayOfMonth: integer('day_of_month'),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    /** Stop after this many invoices. */
    count: integer('count'),
    /** The IANA zone whose calendar decides when a run date has come. */
    timeZone: text('time_zone').notNull(),
    autoSend: integer('auto_send', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: RECURRING_STATUSES }).notNull(),
    /** The date of the next run; null once the schedule has ended. */
    nextRunDate: text('next_run_date'),
    /** Which run of the schedule is next (0 is the first). */
    nextIndex: integer('next_index').notNull().default(0),
    invoicesCreated: integer('invoices_created').notNull().default(0),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    index('recurring_invoices_list_idx').on(t.tenantId, t.createdAt, t.id),
    index('recurring_invoices_due_idx').on(t.status, t.nextRunDate),
  ],
);

/**
 * One row per run that made an invoice. Its key (profile, period) is what makes a period
 * billed once: a second cron run for the same period fails its whole batch on it.
 * `invoiceId` has no foreign key: a draft made by a run may still be deleted.
 */
export const recurringRuns = sqliteTable(
  'recurring_runs',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    recurringId: text('recurring_id')
      .notNull()
      .references(() => recurringInvoices.id),
    periodStart: text('period_start').notNull(),
    invoiceId: text('invoice_id').notNull(),
    /** Auto-send profiles: the invoice is still to be issued and emailed (retried each tick). */
    sendPending: integer('send_pending', { mode: 'boolean' }).notNull().default(false),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.recurringId, t.periodStart] }),
    index('recurring_runs_tenant_idx').on(t.tenantId, t.recurringId, t.createdAt),
    index('recurring_runs_pending_idx').on(t.sendPending),
  ],
);

export type RecurringRow = typeof recurringInvoices.$inferSelect;
export type RecurringRunRow = typeof recurringRuns.$inferSelect;
