import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import {
  type CheckoutState,
  checkoutSessions,
  clientCredits,
  payments,
  stripeAccounts,
  stripeEvents,
} from '../schema';
import type { StripeAccountRow } from '../schema/stripe';
import { stripeConnectAccounts } from '../schema/stripe-connect';
import { type Beside, NOTHING_BESIDE, writeBeside } from './beside';
import { recomputeInvoice } from './documents';
import { PAYABLE_SQL } from './status-sql';

export async function getStripeAccount(db: Db, tenantId: string) {
  return db.select().from(stripeAccounts).where(eq(stripeAccounts.tenantId, tenantId)).get();
}

export async function putStripeAccount(db: Db, row: StripeAccountRow, beside: Beside = NOTHING_BESIDE) {
  const { tenantId: _, ...rest } = row;
  await writeBeside(
    db,
    db.insert(stripeAccounts).values(row).onConflictDoUpdate({ target: stripeAccounts.tenantId, set: rest }),
    beside(row.tenantId),
  );
}

export async function deleteStripeAccount(db: Db, tenantId: string, beside: Beside = NOTHING_BESIDE) {
  await writeBeside(
    db,
    db.delete(stripeAccounts).where(eq(stripeAccounts.tenantId, tenantId)),
    beside(tenantId),
  );
}

/** Businesses with Stripe set up, by pasted keys or Connect (reconciliation walks them). */
export async function stripeTenantIds(db: Db) {
  const [keys, connect] = await db.batch([
    db.select({ tenantId: stripeAccounts.tenantId }).from(stripeAccounts),
    db.select({ tenantId: stripeConnectAccounts.tenantId }).from(stripeConnectAccounts),
  ]);
  return [...new Set([...keys, ...connect].map((r) => r.tenantId))];
}

export interface CheckoutFacts {
  id: string;
  invoiceId: string;
  clientId: string;
  amount: number;
  currency: string;
}

/** Records a session "Pay now" created; Stripe returns the same session for a repeated click. */
export async function saveCheckoutSession(
  db: Db,
  tenantId: string,
  s: CheckoutFacts & { paramsHash: string },
  now: Date,
) {
  await db
    .insert(checkoutSessions)
    .values({ tenantId, ...s, state: 'open', createdAt: now, updatedAt: now })
    .onConflictDoNothing();
}

/** How many sessions an invoice has had: each new attempt gets its own idempotency key. */
export async function countInvoiceCheckoutSessions(db: Db, tenantId: string, invoiceId: string) {
  const row = await db
    .select({ n: count() })
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.tenantId, tenantId), eq(checkoutSessions.invoiceId, invoiceId)))
    .get();
  return row?.n ?? 0;
}

/**
 * A session Stripe reports expired (or that we expired before opening another). Only an
 * open one moves: a session that meanwhile completed keeps what its events said.
 */
export async function markCheckoutExpired(db: Db, tenantId: string, id: string, now: Date) {
  await db
    .update(checkoutSessions)
    .set({ state: 'expired', updatedAt: now })
    .where(
      and(
        eq(checkoutSessions.tenantId, tenantId),
        eq(checkoutSessions.id, id),
        eq(checkoutSessions.state, 'open'),
      ),
    );
}

/** Sessions whose payment is on its way (bank debits): reconciliation asks Stripe about each. */
export async function processingCheckoutSessions(db: Db, tenantId: string, limit: number) {
  return checkoutSessionsIn(db, tenantId, 'processing', limit);
}

/** Sessions a client could still pay, oldest first. */
export async function openCheckoutSessions(db: Db, tenantId: string, limit: number) {
  return checkoutSessionsIn(db, tenantId, 'open', limit);
}

function checkoutSessionsIn(db: Db, tenantId: string, state: CheckoutState, limit: number) {
  return db
    .select()
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.tenantId, tenantId), eq(checkoutSessions.state, state)))
    .orderBy(checkoutSessions.updatedAt)
    .limit(limit)
    .all();
}

export async function getCheckoutSession(db: Db, tenantId: string, id: string) {
  return db
    .select()
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.tenantId, tenantId), eq(checkoutSessions.id, id)))
    .get();
}

export async function invoiceCheckoutSessions(db: Db, tenantId: string, invoiceId: string) {
  return db
    .select()
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.tenantId, tenantId), eq(checkoutSessions.invoiceId, invoiceId)))
    .orderBy(desc(checkoutSessions.createdAt))
    .limit(50)
    .all();
}

export async function stripeEventSeen(db: Db, tenantId: string, eventId: string) {
  const row = await db
    .select({ id: stripeEvents.id })
    .from(stripeEvents)
    .where(and(eq(stripeEvents.tenantId, tenantId), eq(stripeEvents.id, eventId)))
    .get();
  return Boolean(row);
}

export interface StripeEventFacts {
  id: string;
  type: string;
  invoiceId: string | null;
  outcome: string;
}

export function stripeEventRow(db: Db, tenantId: string, e: StripeEventFacts, now: Date) {
  // No conflict clause on purpose: a second copy of the event fails the whole batch.
  return db.insert(stripeEvents).values({ tenantId, ...e, receivedAt: now });
}

/** Later states win, earlier ones never overwrite them: delivery order does not matter. */
const RANK: Record<CheckoutState, number> = {
  open: 0,
  processing: 1,
  failed: 2,
  expired: 2,
  paid: 3,
  mismatch: 3,
};
const rankOf = (column: string) =>
  sql.raw(
    `CASE ${column} ${Object.entries(RANK)
      .map(([s, r]) => `WHEN '${s}' THEN ${r}`)
      .join(' ')} ELSE 0 END`,
  );

function checkoutUpsert(
  db: Db,
  tenantId: string,
  s: CheckoutFacts & { state: CheckoutState; paymentIntentId: string | null; problem: string | null },
  now: Date,
  paymentId: SQL | null = null,
) {
  // Expiry ends only an open session: a debit already settling (processing) keeps blocking a
  // second payment until its own outcome arrives.
  const advance = sql`${rankOf('excluded.state')} > ${rankOf('checkout_sessions.state')} AND (excluded.state <> 'expired' OR checkout_sessions.state = 'open')`;
  return db
    .insert(checkoutSessions)
    .values({ tenantId, ...s, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [checkoutSessions.tenantId, checkoutSessions.id],
      set: {
        state: sql`CASE WHEN ${advance} THEN excluded.state ELSE checkout_sessions.state END`,
        problem: sql`CASE WHEN ${advance} THEN excluded.problem ELSE checkout_sessions.problem END`,
        paymentIntentId: sql`COALESCE(excluded.payment_intent_id, checkout_sessions.payment_intent_id)`,
        ...(paymentId ? { paymentId } : {}),
        updatedAt: now,
      },
    });
}

/**
 * A paid Checkout Session: the event row, the payment (one per session, and only while
 * the invoice still owes at least that much), the invoice's balance and status, and the
 * session's state, in one batch. Returns the payment, or undefined when the invoice could
 * not take it (the caller flags that).
 */
export async function applyCheckoutPaid(
  db: Db,
  tenantId: string,
  event: StripeEventFacts,
  s: CheckoutFacts & { paymentIntentId: string | null; date: string; collected: number },
  now: Date,
  beside: Beside = NOTHING_BESIDE,
) {
  const id = newId('pay');
  const paymentOfSession = sql`(SELECT id FROM payments WHERE tenant_id = ${tenantId} AND external_id = ${s.id})`;
  // Whatever of the collected money the invoice did not take becomes the client's credit,
  // decided inside the batch: a manual payment or a void landing meanwhile moves money to
  // credit instead of losing it.
  const beyond = sql`${s.collected} - COALESCE((SELECT amount FROM payments WHERE tenant_id = ${tenantId} AND external_id = ${s.id}), 0)`;
  await db.batch([
    stripeEventRow(db, tenantId, event, now),
    // Column order follows the payments table: drizzle lists every column for INSERT … SELECT.
    db
      .insert(payments)
      .select(
        sql`
      SELECT ${id}, tenant_id, id, client_id, ${s.amount}, currency, ${s.date}, 'stripe', ${s.paymentIntentId}, 'stripe', ${s.id}, 0, ${now.getTime()}
      FROM documents
      WHERE id = ${s.invoiceId} AND tenant_id = ${tenantId} AND client_id = ${s.clientId} AND type = 'invoice'
        AND currency = ${s.currency} AND status IN (${PAYABLE_SQL}) AND ${s.amount} > 0 AND total - amount_paid >= ${s.amount}`,
      )
      .onConflictDoNothing(),
    // Right after the insert: a line only when the payment was written (`changes()`).
    ...beside(id),
    recomputeInvoice(db, tenantId, s.invoiceId, now),
    checkoutUpsert(
      db,
      tenantId,
      { ...s, state: 'paid', problem: null },
      now,
      sql`COALESCE(${paymentOfSession}, checkout_sessions.payment_id)`,
    ),
    // Column order follows the client_credits table (INSERT … SELECT lists every column).
    db
      .insert(clientCredits)
      .select(
        sql`SELECT ${newId('crd')}, ${tenantId}, ${s.clientId}, ${s.invoiceId}, ${beyond}, ${s.currency}, ${s.id}, ${s.paymentIntentId}, 'open', NULL, ${now.getTime()}, NULL, 'stripe', NULL, NULL, NULL
      WHERE ${beyond} > 0`,
      )
      .onConflictDoNothing(),
  ]);
  const [payment, credit] = await Promise.all([
    db
      .select()
      .from(payments)
      .where(and(eq(payments.tenantId, tenantId), eq(payments.externalId, s.id)))
      .get(),
    db
      .select()
      .from(clientCredits)
      .where(and(eq(clientCredits.tenantId, tenantId), eq(clientCredits.checkoutSessionId, s.id)))
      .get(),
  ]);
  return { payment, credit };
}

/** A session that is processing, failed or flagged: the event and the new state together. */
export async function applyCheckoutState(
  db: Db,
  tenantId: string,
  event: StripeEventFacts,
  s: CheckoutFacts & { state: CheckoutState; paymentIntentId: string | null; problem: string | null },
  now: Date,
) {
  await db.batch([stripeEventRow(db, tenantId, event, now), checkoutUpsert(db, tenantId, s, now)]);
}

/** The Stripe payment a charge belongs to (by its PaymentIntent). */
export async function stripePaymentByIntent(db: Db, tenantId: string, paymentIntentId: string) {
  return db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.tenantId, tenantId),
        eq(payments.source, 'stripe'),
        eq(payments.reference, paymentIntentId),
      ),
    )
    .get();
}

/**
 * A refund: Stripe reports the charge's cumulative `amount_refunded`, so the payment keeps
 * the largest figure seen (an older event arriving late changes nothing).
 */
export async function applyStripeRefund(
  db: Db,
  tenantId: string,
  event: StripeEventFacts,
  r: { paymentId: string; invoiceId: string; refunded: number },
  now: Date,
  beside: Beside = NOTHING_BESIDE,
) {
  await db.batch([
    stripeEventRow(db, tenantId, event, now),
    db
      .update(payments)
      .set({ refunded: sql`MIN(${payments.amount}, MAX(${payments.refunded}, ${r.refunded}))` })
      // Only a figure larger than the one kept changes the row (and earns an audit line).
      .where(
        and(
          eq(payments.tenantId, tenantId),
          eq(payments.id, r.paymentId),
          sql`${payments.refunded} < MIN(${payments.amount}, ${r.refunded})`,
        ),
      ),
    ...beside(r.paymentId),
    recomputeInvoice(db, tenantId, r.invoiceId, now),
  ]);
}

/** An event that changes nothing (other types, other businesses' invoices), kept once. */
export async function recordStripeEvent(db: Db, tenantId: string, event: StripeEventFacts, now: Date) {
  await db
    .insert(stripeEvents)
    .values({ tenantId, ...event, receivedAt: now })
    .onConflictDoNothing();
}
