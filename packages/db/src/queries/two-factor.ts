import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { recoveryCodes, sessions, tenants, users } from '../schema';

/** What two-factor sign-in needs to know about a person. */
export async function twoFactorStateOf(db: Db, userId: string) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
      totpLastStep: users.totpLastStep,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
}

/**
 * Keeps a new secret while two-factor is off (replacing one not yet confirmed); false when it
 * is already on, so an enrolment can never swap the secret of a working authenticator.
 */
export async function savePendingTotpSecret(db: Db, userId: string, sealedSecret: string) {
  const row = await db
    .update(users)
    .set({ totpSecret: sealedSecret, totpLastStep: null })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id })
    .get();
  return row !== undefined;
}

/**
 * Turns two-factor on with the secret that was confirmed (not one a second tab put there in
 * the meantime) and the confirming step spent: the first statement of a batch. The recovery
 * codes (`replaceRecoveryCodes`) and the audit line follow it in the same batch.
 */
export function enableTotp(db: Db, input: { userId: string; sealedSecret: string; step: number }, now: Date) {
  return db
    .update(users)
    .set({ totpEnabledAt: now, totpLastStep: input.step })
    .where(
      and(eq(users.id, input.userId), isNull(users.totpEnabledAt), eq(users.totpSecret, input.sealedSecret)),
    )
    .returning({ id: users.id });
}

/**
 * Fresh recovery codes in place of any old ones, written only when two-factor was turned on
 * at `enabledAt` by this very batch: a confirmation that lost a race leaves the winner's codes.
 */
export function replaceRecoveryCodes(db: Db, userId: string, codeHashes: string[], enabledAt: Date) {
  const ours = sql`EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${userId} AND ${users.totpEnabledAt} = ${enabledAt.getTime()})`;
  // Query builders, not `db.run`: drizzle's D1 batch cannot bind a raw statement's parameters.
  return [
    db.delete(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), ours)),
    db
      .insert(recoveryCodes)
      .select(
        sql`SELECT ${userId}, value, NULL, ${enabledAt.getTime()} FROM json_each(${JSON.stringify(codeHashes)}) WHERE ${ours}`,
      ),
  ] as const;
}

/** Turns two-factor off and forgets the secret; `deleteRecoveryCodes` goes in the same batch. */
export function disableTotp(db: Db, userId: string) {
  return db
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(and(eq(users.id, userId), isNotNull(users.totpEnabledAt)));
}

export function deleteRecoveryCodes(db: Db, userId: string) {
  return db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/**
 * Spends a code's step: one statement, so two requests with the same code cannot both pass,
 * and a step at or before the last accepted one never does.
 */
export async function spendTotpStep(db: Db, userId: string, step: number) {
  const row = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id })
    .get();
  return row !== undefined;
}

/** Spends an unused recovery code; false when it is unknown or already used. */
export async function spendRecoveryCode(db: Db, userId: string, codeHash: string, now: Date) {
  const row = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ userId: recoveryCodes.userId })
    .get();
  return row !== undefined;
}

export async function unusedRecoveryCodes(db: Db, userId: string) {
  const row = await db
    .select({ n: sql<number>`count(*)` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .get();
  return row?.n ?? 0;
}

/** The owner's "everyone signs in with a second factor", as a statement for a batch. */
export function setRequireTwoFactor(db: Db, tenantId: string, required: boolean, now: Date) {
  return db
    .update(tenants)
    .set({ requireTwoFactor: required, updatedAt: now })
    .where(and(eq(tenants.id, tenantId), sql`${tenants.requireTwoFactor} <> ${required ? 1 : 0}`));
}

export async function twoFactorRequiredBy(db: Db, tenantId: string) {
  const row = await db
    .select({ required: tenants.requireTwoFactor })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .get();
  return row?.required ?? false;
}

/**
 * A new session as a statement, so its audit line goes into the same batch; the id is the
 * one people see in their list of devices.
 */
export function sessionInsert(
  db: Db,
  s: {
    tokenHash: string;
    userId: string;
    tenantId: string;
    expiresAt: Date;
    userAgent?: string | null;
    country?: string | null;
  },
  now: Date,
) {
  const id = newId('ses');
  return { id, statement: db.insert(sessions).values({ id, ...s, createdAt: now, lastSeenAt: now }) };
}
