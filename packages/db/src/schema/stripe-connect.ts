import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamp } from './columns';
import { tenants } from './tenants';

/**
 * A business's Stripe account connected through the platform (Stripe Connect, Standard):
 * no key of the business is ever held, only the account id the platform acts for with the
 * `Stripe-Account` header. A business may have this row and pasted keys at once while it
 * onboards; once Stripe has its details (`detailsSubmitted`), Connect is the method used.
 * Connect events are routed to the business by `accountId`, hence its unique index.
 */
export const stripeConnectAccounts = sqliteTable(
  'stripe_connect_accounts',
  {
    tenantId: text('tenant_id')
      .primaryKey()
      .references(() => tenants.id),
    accountId: text('account_id').notNull(),
    livemode: integer('livemode', { mode: 'boolean' }).notNull(),
    chargesEnabled: integer('charges_enabled', { mode: 'boolean' }).notNull().default(false),
    detailsSubmitted: integer('details_submitted', { mode: 'boolean' }).notNull().default(false),
    requirementsDue: text('requirements_due', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [uniqueIndex('stripe_connect_accounts_account_idx').on(t.accountId)],
);

export type StripeConnectRow = typeof stripeConnectAccounts.$inferSelect;
