import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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
