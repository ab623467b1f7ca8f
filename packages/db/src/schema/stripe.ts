import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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

/**
 * Stripe's dispute statuses under which the money is withdrawn from the business: the
 * invoice owes the disputed amount again. Inquiries (`warning_*`) withdraw nothing; a won
 * dispute gives the money back.
 */
export const OWED_DISPUTE_STATUSES = [
  'needs_response',
  'under_review',
  'appeal_needs_response',
  'appeal_under_review',
  'lost',
] as const;

/**
 * One Stripe dispute (chargeback) on a payment of an invoice, by Stripe's dispute id. Events
 * arrive in any order and more than once: the row keeps the state of the latest event
 * (`eventCreated`, Stripe's seconds), so an older one delivered late changes nothing.
 * `amount` is in the invoice's minor units; `owed` is 1 while the money is withdrawn.
 */
export const stripeDisputes = sqliteTable(
  'stripe_disputes',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: text('id').notNull(),
    paymentId: text('payment_id').notNull(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => documents.id),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status').notNull(),
    reason: text('reason').notNull(),
    owed: integer('owed').notNull(),
    eventCreated: integer('event_created').notNull(),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('stripe_disputes_invoice_idx').on(t.tenantId, t.invoiceId),
  ],
);

export const CREDIT_STATES = ['open', 'refunding', 'refunded'] as const;
export type CreditState = (typeof CREDIT_STATES)[number];

/**
 * Where a line of the client's credit came from. Money in: a Stripe payment beyond what was
 * owed (`stripe`), a credit note on an invoice already paid (`credit_note`), a manual payment
 * whose excess the business chose to keep (`overpayment`). Money out (negative amounts): credit
 * used to pay another invoice (`applied`), credit handed back outside Stripe (`refund`).
 */
export const CREDIT_SOURCES = ['stripe', 'credit_note', 'overpayment', 'applied', 'refund'] as const;
export type CreditSource = (typeof CREDIT_SOURCES)[number];

/**
 * The client's credit, one ledger per client and currency: the balance is the sum of the open
 * lines (money out is negative), so a Stripe overpayment, a credit note and a saved overpayment
 * all land in the same balance. A Stripe line is refunded in one click on its charge:
 * `refunding` is set before Stripe is asked, so the `charge.refunded` event that follows is
 * never mistaken for a refund of the invoice's payment.
 */
export const clientCredits = sqliteTable(
  'client_credits',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    /** The invoice the money came from or went to (none for a refund recorded by hand). */
    invoiceId: text('invoice_id').references(() => documents.id),
    /** Minor units of `currency`; negative when credit was used or handed back. */
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    /** A Stripe line's Checkout Session: one credit per session, ever. */
    checkoutSessionId: text('checkout_session_id'),
    paymentIntentId: text('payment_intent_id'),
    state: text('state', { enum: CREDIT_STATES }).notNull(),
    refundId: text('refund_id'),
    createdAt: timestamp('created_at').notNull(),
    refundedAt: timestamp('refunded_at'),
    source: text('source', { enum: CREDIT_SOURCES }).notNull().default('stripe'),
    /** The credit note this line came from: one line per credit note, ever. */
    creditNoteId: text('credit_note_id'),
    /** The payment this line belongs to (the saved overpayment, or the credit applied): one each. */
    paymentId: text('payment_id'),
    /** What the business wrote when recording a refund by hand (bank reference, note). */
    reference: text('reference'),
  },
  (t) => [
    uniqueIndex('client_credits_session_idx').on(t.tenantId, t.checkoutSessionId),
    index('client_credits_client_idx').on(t.tenantId, t.clientId, t.currency),
    index('client_credits_intent_idx').on(t.tenantId, t.paymentIntentId),
    uniqueIndex('client_credits_credit_note_idx').on(t.tenantId, t.creditNoteId),
    uniqueIndex('client_credits_payment_idx').on(t.tenantId, t.paymentId),
  ],
);

export type StripeDisputeRow = typeof stripeDisputes.$inferSelect;
export type ClientCreditRow = typeof clientCredits.$inferSelect;

/**
 * "Pay now" holds the invoice while it talks to Stripe, so two requests at the same moment
 * (two tabs, two languages) cannot each open a payable session. `expiresAt` frees a claim
 * whose request died before letting go.
 */
export const checkoutClaims = sqliteTable(
  'checkout_claims',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    invoiceId: text('invoice_id').notNull(),
    token: text('token').notNull(),
    expiresAt: timestamp('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.invoiceId] })],
);
