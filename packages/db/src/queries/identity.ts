import { and, desc, eq, gt, gte, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { emails, emailVerifications, memberships, passwordResets, sessions, tenants, users } from '../schema';

export async function findUserById(db: Db, id: string) {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** Every business a person belongs to, with its language: audit lines are written in each. */
export async function tenantsOfUser(db: Db, userId: string) {
  return db
    .select({ tenantId: memberships.tenantId, role: memberships.role, locale: tenants.locale })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.createdAt)
    .all();
}

export function insertPasswordReset(
  db: Db,
  r: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date },
) {
  return db.insert(passwordResets).values(r);
}

/**
 * Claims a reset link: marks it used if it is unused and unexpired, returning whose it was.
 * Used as the first statement of the reset's batch; the others are guarded by `claimedAt`.
 */
export function claimPasswordReset(db: Db, tokenHash: string, now: Date) {
  return db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    )
    .returning({ userId: passwordResets.userId });
}

export async function findPasswordReset(db: Db, tokenHash: string) {
  return db.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash)).get();
}

/** True while the reset link `tokenHash` was claimed at `now` (inside the same batch). */
const resetClaimed = (tokenHash: string, now: Date) =>
  sql`EXISTS (SELECT 1 FROM ${passwordResets} WHERE ${passwordResets.tokenHash} = ${tokenHash} AND ${passwordResets.usedAt} = ${now.getTime()})`;

export function setPasswordIfResetClaimed(
  db: Db,
  userId: string,
  passwordHash: string,
  tokenHash: string,
  now: Date,
) {
  return db
    .update(users)
    .set({ passwordHash })
    .where(and(eq(users.id, userId), resetClaimed(tokenHash, now)));
}

export function deleteSessionsIfResetClaimed(db: Db, userId: string, tokenHash: string, now: Date) {
  return db.delete(sessions).where(and(eq(sessions.userId, userId), resetClaimed(tokenHash, now)));
}

export function setPassword(db: Db, userId: string, passwordHash: string) {
  return db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** Ends every session of a person but one (null: all of them). */
export function deleteSessionsOfUser(db: Db, userId: string, keepId: string | null) {
  return db
    .delete(sessions)
    .where(keepId ? and(eq(sessions.userId, userId), ne(sessions.id, keepId)) : eq(sessions.userId, userId));
}

export function deleteSessionOfUser(db: Db, userId: string, id: string) {
  return db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.id, id)))
    .returning({ id: sessions.id });
}

/** A person's live sessions in every business, newest use first. */
export async function sessionsOfUser(db: Db, userId: string, now: Date) {
  return db
    .select({
      id: sessions.id,
      tenantId: sessions.tenantId,
      userAgent: sessions.userAgent,
      country: sessions.country,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt))
    .all();
}

export async function touchSession(db: Db, tokenHash: string, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export function updateUserProfile(
  db: Db,
  userId: string,
  patch: { name?: string | null; locale?: string | null },
) {
  return db.update(users).set(patch).where(eq(users.id, userId)).returning().get();
}

export function insertEmailVerification(
  db: Db,
  v: {
    tokenHash: string;
    userId: string;
    email: string;
    purpose: 'verify' | 'change';
    createdAt: Date;
    expiresAt: Date;
  },
) {
  return db.insert(emailVerifications).values(v);
}

/** Claims a verification link (unused, unexpired) and returns what it verifies. */
export function claimEmailVerification(db: Db, tokenHash: string, now: Date) {
  return db
    .update(emailVerifications)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailVerifications.tokenHash, tokenHash),
        isNull(emailVerifications.usedAt),
        gt(emailVerifications.expiresAt, now),
      ),
    )
    .returning({
      userId: emailVerifications.userId,
      email: emailVerifications.email,
      purpose: emailVerifications.purpose,
    });
}

export async function findEmailVerification(db: Db, tokenHash: string) {
  return db.select().from(emailVerifications).where(eq(emailVerifications.tokenHash, tokenHash)).get();
}

/** The newest unused, unexpired change of address a person asked for, if any. */
export async function pendingEmailChange(db: Db, userId: string, now: Date) {
  return db
    .select({ email: emailVerifications.email, expiresAt: emailVerifications.expiresAt })
    .from(emailVerifications)
    .where(
      and(
        eq(emailVerifications.userId, userId),
        eq(emailVerifications.purpose, 'change'),
        isNull(emailVerifications.usedAt),
        gt(emailVerifications.expiresAt, now),
      ),
    )
    .orderBy(desc(emailVerifications.createdAt))
    .get();
}

/** True while the verification link `tokenHash` was claimed at `now` (inside the same batch). */
const verificationClaimed = (tokenHash: string, now: Date) =>
  sql`EXISTS (SELECT 1 FROM ${emailVerifications} WHERE ${emailVerifications.tokenHash} = ${tokenHash} AND ${emailVerifications.usedAt} = ${now.getTime()})`;

/** Marks the address verified if it is still the person's and the link was just claimed. */
export function markEmailVerified(db: Db, userId: string, email: string, tokenHash: string, now: Date) {
  return db
    .update(users)
    .set({ emailVerifiedAt: now })
    .where(
      and(
        eq(users.id, userId),
        eq(users.email, email),
        isNull(users.emailVerifiedAt),
        verificationClaimed(tokenHash, now),
      ),
    );
}

/** Moves the person to a new, verified address once its link was just claimed; the unique index refuses one taken meanwhile. */
export function changeUserEmail(db: Db, userId: string, email: string, tokenHash: string, now: Date) {
  return db
    .update(users)
    .set({ email, emailVerifiedAt: now })
    .where(and(eq(users.id, userId), verificationClaimed(tokenHash, now)));
}

/** True when at least one owner of the business has a verified address. */
export async function ownerVerified(db: Db, tenantId: string) {
  const row = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.role, 'owner'),
        isNotNull(users.emailVerifiedAt),
      ),
    )
    .limit(1)
    .get();
  return row !== undefined;
}

/** Emails to the business's clients recorded since `since` (account emails have no client). */
export async function clientEmailsSince(db: Db, tenantId: string, since: Date) {
  const row = await db
    .select({ n: sql<number>`count(*)` })
    .from(emails)
    .where(and(eq(emails.tenantId, tenantId), isNotNull(emails.clientId), gte(emails.createdAt, since)))
    .get();
  return row?.n ?? 0;
}
