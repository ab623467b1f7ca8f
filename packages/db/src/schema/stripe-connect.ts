import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamp } from './columns';
import { tenants, users } from './tenants';

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

/**
 * The `state` of one "I already have a Stripe account" trip through Stripe's Connect OAuth: it
 * proves the code coming back was asked for by this person in this business. Only its SHA-256
 * is kept; it works once (`usedAt`) and for ten minutes.
 */
export const stripeOauthStates = sqliteTable(
  'stripe_oauth_states',
  {
    stateHash: text('state_hash').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at').notNull(),
    expiresAt: timestamp('expires_at').notNull(),
    usedAt: timestamp('used_at'),
  },
  (t) => [index('stripe_oauth_states_tenant_idx').on(t.tenantId, t.createdAt)],
);
