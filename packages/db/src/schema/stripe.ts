import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clients } from './clients';
import { timestamp } from './columns';
import { documents } from './documents';
import { tenants } from './tenants';

/**
 * A business's own Stripe account. The secret key and webhook signing secret are sealed
 * (AES-GCM) by the Worker before they reach this table; `keyId` names the encryption key
 * that sealed them, so the key can be rotated.
 */
export const stripeAccounts = sqliteTable('stripe_accounts', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  publishableKey: text('publishable_key').notNull(),
  secretKeySealed: text('secret_key_sealed').notNull(),
  webhookSecretSealed: text('webhook_secret_sealed').notNull(),
  secretKeyLast4: text('secret_key_last4').notNull(),
  mode: text('mode', { enum: ['test', 'live'] }).notNull(),
  keyId: text('key_id').notNull(),
  updatedAt: timestamp('updated_at').notNull(),
});

export const CHECKOUT_STATES = ['open', 'processing', 'paid', 'failed', 'expired', 'mismatch'] as const;
export type CheckoutState = (typeof CHECKOUT_STATES)[number];

/**
 * One Stripe Checkout Session for an invoice: created by "Pay now", moved along by
 * webhooks (or reconciliation). `amount` is what we asked for, in the invoice's minor
 * units; a payment for anything else is flagged (`mismatch`, with `problem`), never applied.
 * `paramsHash` fingerprints every parameter the session was created with, so "Pay now"
 * reuses an open session only when nothing about it would differ (language, email, amount).
 */
export const checkoutSessions = sqliteTable(
  'checkout_sessions',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: text('id').notNull(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => documents.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    state: text('state', { enum: CHECKOUT_STATES }).notNull(),
    paymentIntentId: text('payment_intent_id'),
    paymentId: text('payment_id'),
    problem: text('problem'),
    paramsHash: text('params_hash'),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('checkout_sessions_invoice_idx').on(t.tenantId, t.invoiceId, t.createdAt),
  ],
);

/**
 * Every Stripe event applied, once: the primary key makes a retried or replayed event a
 * no-op, and the row is written in the same batch as what the event changed.
 */
export const stripeEvents = sqliteTable(
  'stripe_events',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: text('id').notNull(),
    type: text('type').notNull(),
    invoiceId: text('invoice_id'),
    outcome: text('outcome').notNull(),
    receivedAt: timestamp('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export type StripeAccountRow = typeof stripeAccounts.$inferSelect;
export type CheckoutSessionRow = typeof checkoutSessions.$inferSelect;
