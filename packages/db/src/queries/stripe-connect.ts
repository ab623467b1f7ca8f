import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { stripeAccounts, stripeEvents } from '../schema';
import { type StripeConnectRow, stripeConnectAccounts, stripeOauthStates } from '../schema/stripe-connect';
import { type Beside, NOTHING_BESIDE } from './beside';

export async function getStripeConnect(db: Db, tenantId: string) {
  return db.select().from(stripeConnectAccounts).where(eq(stripeConnectAccounts.tenantId, tenantId)).get();
}

/** The business a Connect event is about (the platform's one endpoint routes by this). */
export async function stripeConnectByAccount(db: Db, accountId: string) {
  return db.select().from(stripeConnectAccounts).where(eq(stripeConnectAccounts.accountId, accountId)).get();
}

/** Records the connected account the first time onboarding starts (a second start keeps it). */
export async function addStripeConnect(db: Db, row: StripeConnectRow, beside: Beside = NOTHING_BESIDE) {
  await db.batch([
    db.insert(stripeConnectAccounts).values(row).onConflictDoNothing(),
    ...beside(row.tenantId),
  ]);
}

export type StripeConnectStatus = Pick<
  StripeConnectRow,
  'chargesEnabled' | 'detailsSubmitted' | 'requirementsDue' | 'updatedAt'
>;

/**
 * What Stripe says about the account now, written only while the account id is still the
 * business's (a disconnect in between wins). Once onboarding is complete the pasted keys,
 * if any, are dropped in the same batch: Connect is then the one way this business is paid.
 */
export async function updateStripeConnect(
  db: Db,
  tenantId: string,
  accountId: string,
  status: StripeConnectStatus,
  beside: Beside = NOTHING_BESIDE,
) {
  const mine = and(
    eq(stripeConnectAccounts.tenantId, tenantId),
    eq(stripeConnectAccounts.accountId, accountId),
  );
  const [updated] = await db.batch([
    db
      .update(stripeConnectAccounts)
      .set(status)
      .where(mine)
      .returning({ tenantId: stripeConnectAccounts.tenantId }),
    ...(status.detailsSubmitted
      ? [db.delete(stripeAccounts).where(eq(stripeAccounts.tenantId, tenantId))]
      : []),
    ...beside(tenantId),
  ]);
  return updated.length > 0;
}

/** Forgets the connected account, and the pasted keys too: "Disconnect" ends both ways. */
export async function deleteStripeConnections(db: Db, tenantId: string, beside: Beside = NOTHING_BESIDE) {
  const [connect, keys] = await db.batch([
    db
      .delete(stripeConnectAccounts)
      .where(eq(stripeConnectAccounts.tenantId, tenantId))
      .returning({ tenantId: stripeConnectAccounts.tenantId }),
    db
      .delete(stripeAccounts)
      .where(eq(stripeAccounts.tenantId, tenantId))
      .returning({ tenantId: stripeAccounts.tenantId }),
    ...beside(tenantId),
  ]);
  return connect.length + keys.length > 0;
}

/** Stripe deauthorised the platform: forget that one account, if it is still this business's. */
export async function deleteStripeConnectAccount(
  db: Db,
  tenantId: string,
  accountId: string,
  beside: Beside = NOTHING_BESIDE,
) {
  const [gone] = await db.batch([
    db
      .delete(stripeConnectAccounts)
      .where(
        and(eq(stripeConnectAccounts.tenantId, tenantId), eq(stripeConnectAccounts.accountId, accountId)),
      )
      .returning({ tenantId: stripeConnectAccounts.tenantId }),
    ...beside(tenantId),
  ]);
  return gone.length > 0;
}

/** The Connect event's own row, to put beside what it changed (a second copy adds nothing). */
export function connectEventRow(
  db: Db,
  tenantId: string,
  e: { id: string; type: string; outcome: string },
  now: Date,
) {
  return db
    .insert(stripeEvents)
    .values({ tenantId, ...e, invoiceId: null, receivedAt: now })
    .onConflictDoNothing();
}

/** A new OAuth `state` for the person (its hash), with this business's expired ones cleared away. */
export async function addOauthState(
  db: Db,
  row: { stateHash: string; tenantId: string; userId: string; createdAt: Date; expiresAt: Date },
) {
  await db.batch([
    db
      .delete(stripeOauthStates)
      .where(
        and(eq(stripeOauthStates.tenantId, row.tenantId), lt(stripeOauthStates.expiresAt, row.createdAt)),
      ),
    db.insert(stripeOauthStates).values(row),
  ]);
}

/**
 * Uses the state once: true only when it was issued to this person in this business, is unused
 * and unexpired. One statement, so two callbacks racing with one state cannot both pass.
 */
export async function takeOauthState(
  db: Db,
  s: { stateHash: string; tenantId: string; userId: string; now: Date },
) {
  const taken = await db
    .update(stripeOauthStates)
    .set({ usedAt: s.now })
    .where(
      and(
        eq(stripeOauthStates.stateHash, s.stateHash),
        eq(stripeOauthStates.tenantId, s.tenantId),
        eq(stripeOauthStates.userId, s.userId),
        isNull(stripeOauthStates.usedAt),
        gt(stripeOauthStates.expiresAt, s.now),
      ),
    )
    .returning({ stateHash: stripeOauthStates.stateHash });
  return taken.length > 0;
}

/**
 * Records an account linked through OAuth as the business's connected account, replacing one
 * it may have had (an onboarding it never finished, or another account). As with onboarding,
 * an account with its details in takes over from pasted keys in the same batch. The account's
 * unique index refuses it if another business holds it meanwhile.
 */
export async function linkStripeConnect(db: Db, row: StripeConnectRow, beside: Beside = NOTHING_BESIDE) {
  await db.batch([
    db.delete(stripeConnectAccounts).where(eq(stripeConnectAccounts.tenantId, row.tenantId)),
    db.insert(stripeConnectAccounts).values(row),
    ...(row.detailsSubmitted
      ? [db.delete(stripeAccounts).where(eq(stripeAccounts.tenantId, row.tenantId))]
      : []),
    ...beside(row.tenantId),
  ]);
}
