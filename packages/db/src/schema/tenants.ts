import type { ReminderStep } from '@clientele/core';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { addressColumns, timestamp } from './columns';

export const tenants = sqliteTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email'),
  phone: text('phone'),
  ...addressColumns(),
  taxId: text('tax_id'),
  currency: text('currency').notNull(),
  locale: text('locale').notNull(),
  invoiceNumberFormat: text('invoice_number_format').notNull().default('INV-{YYYY}-{seq:4}'),
  estimateNumberFormat: text('estimate_number_format').notNull().default('EST-{YYYY}-{seq:4}'),
  creditNoteNumberFormat: text('credit_note_number_format').notNull().default('CN-{YYYY}-{seq:4}'),
  paymentTermsDays: integer('payment_terms_days').notNull().default(30),
  logoKey: text('logo_key'),
  /** Bank details and terms, printed on every invoice and shown in the portal. */
  paymentInstructions: text('payment_instructions'),
  /**
   * Reminder steps, days from the due date (negative before it), sorted; none until the
   * business adds one. A short list always read with its business, so it lives here as JSON.
   */
  reminderSteps: text('reminder_steps', { mode: 'json' }).$type<ReminderStep[]>().notNull().default([]),
  /** Hold reminders about an invoice while the client has a ticket about it that is not closed. */
  remindersPauseForTickets: integer('reminders_pause_for_tickets', { mode: 'boolean' })
    .notNull()
    .default(false),
  /** Which client actions email the business (all on until it turns one off). */
  notifyEstimateDecisions: integer('notify_estimate_decisions', { mode: 'boolean' }).notNull().default(true),
  notifyOnlinePayments: integer('notify_online_payments', { mode: 'boolean' }).notNull().default(true),
  notifyTickets: integer('notify_tickets', { mode: 'boolean' }).notNull().default(true),
  /** How long a magic link in an email stays usable: long enough for a 30-day invoice. */
  portalLinkDays: integer('portal_link_days').notNull().default(30),
  /** The owner asks every member to sign in with a second factor. */
  requireTwoFactor: integer('require_two_factor', { mode: 'boolean' }).notNull().default(false),
  /**
   * Set when the owner closes the business: from then on nothing signs in to it and its
   * portal links are dead; the cron removes its rows and files within 24 hours.
   */
  closedAt: timestamp('closed_at'),
  createdAt: timestamp('created_at').notNull(),
  updatedAt: timestamp('updated_at').notNull(),
});

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  /** Stored lower-cased so sign-in is case-insensitive and unique. */
  email: text('email').notNull().unique(),
  name: text('name'),
  passwordHash: text('password_hash').notNull(),
  /** Until set, the person's businesses send only a few client emails a day. */
  emailVerifiedAt: timestamp('email_verified_at'),
  /** The admin app's language for this person; null follows the business's. */
  locale: text('locale'),
  /** The TOTP secret, encrypted like Stripe keys (it must be read back to check codes). */
  totpSecret: text('totp_secret'),
  /** Two-factor sign-in is on from this moment (a secret not yet confirmed stays off). */
  totpEnabledAt: timestamp('totp_enabled_at'),
  /** The last 30-second step whose code was accepted: a code is accepted once. */
  totpLastStep: integer('totp_last_step'),
  createdAt: timestamp('created_at').notNull(),
});

export const ROLES = ['owner', 'admin', 'member', 'accountant'] as const;

export const memberships = sqliteTable(
  'memberships',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
    index('memberships_tenant_role_idx').on(t.tenantId, t.role),
  ],
);

export type Tenant = typeof tenants.$inferSelect;
export type User = typeof users.$inferSelect;
export type Role = (typeof memberships.$inferSelect)['role'];
