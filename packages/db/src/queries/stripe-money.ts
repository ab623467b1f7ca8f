import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { clientCredits, documents, OWED_DISPUTE_STATUSES, stripeDisputes } from '../schema';
import { type Beside, NOTHING_BESIDE } from './beside';
import { balanceSql } from './credit-notes';
import { recomputeInvoice } from './documents';
import { type StripeEventFacts, stripeEventRow } from './stripe';

const OWED_SQL = sql.raw(OWED_DISPUTE_STATUSES.map((s) => `'${s}'`).join(', '));
/** Closing states win a tie with an opening one sent in the same second. */
/**
 * How far a dispute has gone: waiting for evidence, under review, decided. Events carry whole
 * seconds, so two of one second are ordered by this: a response and the opening it answers
 * often arrive within the same second.
 */
const STAGE_SQL = `CASE WHEN %s IN ('won', 'lost', 'warning_closed', 'prevented') THEN 2
  WHEN %s IN ('under_review', 'warning_under_review') THEN 1 ELSE 0 END`;
const stageOf = (column: string) => sql.raw(STAGE_SQL.replaceAll('%s', column));

export interface DisputeFacts {
  id: string;
  paymentId: string;
  invoiceId: string;
  amount: number;
  currency: string;
  status: string;
  reason: string;
  /** Stripe's `created` of the event that carried this state (seconds). */
  eventCreated: number;
}

/**
 * One `charge.dispute.*` event: the event row, the dispute's state (kept only when this
 * event is newer than the one that wrote it), the invoice's shown dispute and its balance,
 * in one batch. Applying an event twice, or an older one late, changes nothing.
 */
export async function applyStripeDispute(
  db: Db,
  tenantId: string,
  event: StripeEventFacts,
  d: DisputeFacts,
  now: Date,
  beside: Beside = NOTHING_BESIDE,
) {
  const owed = (OWED_DISPUTE_STATUSES as readonly string[]).includes(d.status) ? 1 : 0;
  const newer = sql`(excluded.event_created, ${stageOf('excluded.status')}) > (stripe_disputes.event_created, ${stageOf('stripe_disputes.status')})`;
  // The latest dispute still holding money or lost; a won or closed one shows nothing.
  const shown = sql`(SELECT json_object('amount', amount, 'currency', currency, 'status', status, 'reason', reason)
    FROM stripe_disputes WHERE tenant_id = ${tenantId} AND invoice_id = ${d.invoiceId} AND status IN (${OWED_SQL}, 'warning_needs_response', 'warning_under_review')
    ORDER BY event_created DESC LIMIT 1)`;
  await db.batch([
    stripeEventRow(db, tenantId, event, now),
    db
      .insert(stripeDisputes)
      .values({ tenantId, ...d, owed, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [stripeDisputes.tenantId, stripeDisputes.id],
        set: {
          amount: sql`excluded.amount`,
          status: sql`excluded.status`,
          reason: sql`excluded.reason`,
          owed: sql`excluded.owed`,
          eventCreated: sql`excluded.event_created`,
          updatedAt: now,
        },
        setWhere: newer,
      }),
    ...beside(d.id),
    db
      .update(documents)
      .set({ dispute: sql`${shown}` })
      .where(and(eq(documents.tenantId, tenantId), eq(documents.id, d.invoiceId))),
    recomputeInvoice(db, tenantId, d.invoiceId, now),
  ]);
  return db
    .select()
    .from(stripeDisputes)
    .where(and(eq(stripeDisputes.tenantId, tenantId), eq(stripeDisputes.id, d.id)))
    .get();
}

/** The client's credits, newest first (open ones and the refunded history). */
export async function clientCreditsOf(db: Db, tenantId: string, clientId: string) {
  return db
    .select()
    .from(clientCredits)
    .where(and(eq(clientCredits.tenantId, tenantId), eq(clientCredits.clientId, clientId)))
    .orderBy(desc(clientCredits.createdAt), desc(clientCredits.id))
    .limit(200)
    .all();
}

/** Credit still held for the client, per currency (refunds under way no longer count). */
export async function openCreditByCurrency(db: Db, tenantId: string, clientId: string) {
  return db
    .select({ currency: clientCredits.currency, amount: sql<number>`SUM(${clientCredits.amount})` })
    .from(clientCredits)
    .where(
      and(
        eq(clientCredits.tenantId, tenantId),
        eq(clientCredits.clientId, clientId),
        eq(clientCredits.state, 'open'),
      ),
    )
    .groupBy(clientCredits.currency)
    .all();
}

export async function getClientCredit(db: Db, tenantId: string, clientId: string, id: string) {
  return db
    .select()
    .from(clientCredits)
    .where(
      and(
        eq(clientCredits.tenantId, tenantId),
        eq(clientCredits.clientId, clientId),
        eq(clientCredits.id, id),
      ),
    )
    .get();
}

/**
 * Marks an open credit as being refunded, before Stripe is asked: true when this call moved
 * it (a refund already under way is let through again, so a retried click finishes it), false
 * when it is refunded already or the balance no longer covers it.
 */
export async function startCreditRefund(db: Db, tenantId: string, id: string) {
  const rows = await db
    .update(clientCredits)
    .set({ state: 'refunding' })
    .where(
      and(
        eq(clientCredits.tenantId, tenantId),
        eq(clientCredits.id, id),
        // An open credit goes only while the balance still holds all of it: a use of credit
        // since the caller's check would otherwise be refunded to the card as well.
        or(
          eq(clientCredits.state, 'refunding'),
          and(
            eq(clientCredits.state, 'open'),
            sql`${balanceSql(tenantId, sql`${clientCredits.clientId}`, sql`${clientCredits.currency}`)} >= ${clientCredits.amount}`,
          ),
        ),
      ),
    )
    .returning({ id: clientCredits.id });
  return rows.length === 1;
}

/** Stripe refused: the credit is the client's again. */
export async function abandonCreditRefund(db: Db, tenantId: string, id: string) {
  await db
    .update(clientCredits)
    .set({ state: 'open' })
    .where(
      and(
        eq(clientCredits.tenantId, tenantId),
        eq(clientCredits.id, id),
        eq(clientCredits.state, 'refunding'),
      ),
    );
}

/** Stripe accepted the refund: the credit is gone, with the refund's id and its audit line. */
export async function finishCreditRefund(
  db: Db,
  tenantId: string,
  id: string,
  refundId: string,
  now: Date,
  beside: Beside = NOTHING_BESIDE,
) {
  await db.batch([
    db
      .update(clientCredits)
      .set({ state: 'refunded', refundId, refundedAt: now })
      .where(
        and(
          eq(clientCredits.tenantId, tenantId),
          eq(clientCredits.id, id),
          eq(clientCredits.state, 'refunding'),
        ),
      ),
    ...beside(id),
  ]);
}

/**
 * What of a charge's refunded total went to credits (refunded or being refunded): Stripe
 * reports one cumulative figure per charge, and only the rest refunds the invoice's payment.
 */
export async function creditRefundsOnIntent(db: Db, tenantId: string, paymentIntentId: string) {
  const row = await db
    .select({
      refunded: sql<number>`COALESCE(SUM(CASE WHEN ${clientCredits.state} IN ('refunding', 'refunded') THEN ${clientCredits.amount} ELSE 0 END), 0)`,
      credits: sql<number>`COUNT(*)`,
    })
    .from(clientCredits)
    .where(and(eq(clientCredits.tenantId, tenantId), eq(clientCredits.paymentIntentId, paymentIntentId)))
    .get();
  return { refunded: Number(row?.refunded ?? 0), credits: Number(row?.credits ?? 0) };
}
