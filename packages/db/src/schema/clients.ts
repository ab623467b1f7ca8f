import { sql } from 'drizzle-orm';
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { addressColumns, timestamp } from './columns';
import { tenants } from './tenants';

export const clients = sqliteTable(
  'clients',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    company: text('company'),
    email: text('email'),
    phone: text('phone'),
    ...addressColumns(),
    taxId: text('tax_id'),
    language: text('language').notNull(),
    currency: text('currency').notNull(),
    notes: text('notes'),
    /**
     * Lower-cased name, company and email. SQLite's LOWER() and LIKE fold ASCII
     * only, so Cyrillic or accented searches match through this column instead.
     */
    searchText: text('search_text').notNull(),
    archivedAt: timestamp('archived_at'),
    /** Set when the business turns the client's portal access off (archiving does too). */
    portalDisabledAt: timestamp('portal_disabled_at'),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    index('clients_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('clients_tenant_email_idx').on(t.tenantId, t.email),
    // "Email me a sign-in link" on the portal looks an address up across businesses.
    index('clients_email_lower_idx').on(sql`lower(${t.email})`),
  ],
);

export type ClientRow = typeof clients.$inferSelect;
