import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamp } from './columns';
import { tenants } from './tenants';

/**
 * Email wording saved by a business. `scope` is '*' for the business-wide template
 * or a client id for that client's override; built-in defaults live in code.
 */
export const emailTemplates = sqliteTable(
  'email_templates',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    scope: text('scope').notNull(),
    kind: text('kind').notNull(),
    language: text('language').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.scope, t.kind, t.language] })],
);

export type EmailTemplateRow = typeof emailTemplates.$inferSelect;

/** Every email the business sends, from queued to sent or failed, with the reason. */
export const emails = sqliteTable(
  'emails',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    clientId: text('client_id'),
    documentId: text('document_id'),
    /** For a ticket reply: the staff message it carries. */
    ticketMessageId: text('ticket_message_id'),
    /** For a notice to the business: the client action it reports. */
    activityId: text('activity_id'),
    kind: text('kind').notNull(),
    /** Which variant of the kind's template: a reminder's step (`after:7`), so each step has its words. */
    variant: text('variant'),
    to: text('to_address').notNull(),
    subject: text('subject'),
    status: text('status', { enum: ['queued', 'sent', 'failed'] }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    providerId: text('provider_id'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
    sentAt: timestamp('sent_at'),
  },
  (t) => [
    uniqueIndex('emails_idempotency_idx').on(t.tenantId, t.idempotencyKey),
    index('emails_client_idx').on(t.tenantId, t.clientId, t.createdAt),
    index('emails_tenant_idx').on(t.tenantId, t.createdAt),
  ],
);

/** Messages the development transport "sent": metadata here, the raw MIME in R2. */
export const devOutbox = sqliteTable(
  'dev_outbox',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    emailId: text('email_id').notNull(),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    rawKey: text('raw_key').notNull(),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [index('dev_outbox_created_idx').on(t.createdAt)],
);

export type EmailRow = typeof emails.$inferSelect;

/**
 * One row per reminder step an invoice has reached, so the cron never repeats itself: `rule` is
 * the step (`before:3`, `after:0`, `after:7`) or `manual:<hour>` for "Send reminder now";
 * `outcome` says whether it was emailed or passed over (an earlier step overtaken by a later one).
 */
export const reminderLog = sqliteTable(
  'reminder_log',
  {
    tenantId: text('tenant_id').notNull(),
    invoiceId: text('invoice_id').notNull(),
    rule: text('rule').notNull(),
    outcome: text('outcome', { enum: ['sent', 'skipped'] })
      .notNull()
      .default('sent'),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.invoiceId, t.rule] })],
);
