import { and, desc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { type ApiKeyScope, apiKeys, memberships, rateLimits, sessions, tenants, users } from '../schema';
import { type Beside, NOTHING_BESIDE, writeBeside } from './beside';

export async function findUserByEmail(db: Db, email: string) {
  return db.select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

/** The tenants a user belongs to, oldest membership first (the default one to sign in to). */
export async function membershipsOf(db: Db, userId: string) {
  return (
    db
      .select({ tenantId: memberships.tenantId, role: memberships.role })
      .from(memberships)
      // A closed business is nobody's to sign in to, even before the cron removes it.
      .innerJoin(tenants, and(eq(tenants.id, memberships.tenantId), isNull(tenants.closedAt)))
      .where(eq(memberships.userId, userId))
      .orderBy(memberships.createdAt)
      .all()
  );
}

export async function createSession(
  db: Db,
  s: {
    tokenHash: string;
    userId: string;
    tenantId: string;
    expiresAt: Date;
    userAgent?: string | null;
    country?: string | null;
  },
  now = new Date(),
) {
  const id = newId('ses');
  await db.insert(sessions).values({ id, ...s, createdAt: now, lastSeenAt: now });
  return id;
}

/** A live session whose user is still a member of its tenant. */
export async function findSession(db: Db, tokenHash: string, now = new Date()) {
  return db
    .select({
      userId: sessions.userId,
      tenantId: sessions.tenantId,
      expiresAt: sessions.expiresAt,
      createdAt: sessions.createdAt,
      id: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      role: memberships.role,
      email: users.email,
      name: users.name,
      /** The business asks for a second factor and this person has none yet: fenced in. */
      twoFactorPending:
        sql<boolean>`${tenants.requireTwoFactor} = 1 AND ${users.totpEnabledAt} IS NULL`.mapWith(Boolean),
    })
    .from(sessions)
    .innerJoin(
      memberships,
      and(eq(memberships.userId, sessions.userId), eq(memberships.tenantId, sessions.tenantId)),
    )
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .get();
}

export async function extendSession(db: Db, tokenHash: string, expiresAt: Date) {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Db, now = new Date()) {
  await db.delete(sessions).where(lte(sessions.expiresAt, now));
}

export async function createApiKey(
  db: Db,
  tenantId: string,
  k: { name: string; prefix: string; keyHash: string; scope: ApiKeyScope; createdBy: string | null },
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
) {
  const id = newId('key');
  await writeBeside(db, db.insert(apiKeys).values({ id, tenantId, ...k, createdAt: now }), beside(id));
  return { id, name: k.name, prefix: k.prefix, scope: k.scope, createdAt: now, lastUsedAt: null };
}

export async function listApiKeys(db: Db, tenantId: string) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scope: apiKeys.scope,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, tenantId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt))
    .all();
}

/** Returns false when the key does not exist in this tenant (or is already revoked). */
export async function revokeApiKey(
  db: Db,
  tenantId: string,
  id: string,
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
) {
  const rows = await writeBeside(
    db,
    db
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id }),
    beside(id),
  );
  return rows.length > 0;
}

export async function findApiKeyByHash(db: Db, keyHash: string) {
  return db
    .select({
      id: apiKeys.id,
      tenantId: apiKeys.tenantId,
      name: apiKeys.name,
      scope: apiKeys.scope,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .get();
}

export async function touchApiKey(db: Db, id: string, now = new Date()) {
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
}

/**
 * Counts one hit in a fixed window and returns the count so far; one statement,
 * so concurrent requests cannot both read a stale count.
 */
export async function hitRateLimit(db: Db, key: string, windowMs: number, now = new Date()) {
  const resetAt = new Date(now.getTime() + windowMs);
  const nowMs = now.getTime();
  const row = await db
    .insert(rateLimits)
    .values({ key, count: 1, resetAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.resetAt} <= ${nowMs} THEN 1 ELSE ${rateLimits.count} + 1 END`,
        resetAt: sql`CASE WHEN ${rateLimits.resetAt} <= ${nowMs} THEN excluded.reset_at ELSE ${rateLimits.resetAt} END`,
      },
    })
    .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt })
    .get();
  return row!;
}

/** The current window's count for a key, without counting a hit (undefined once reset). */
export async function peekRateLimit(db: Db, key: string, now = new Date()) {
  return db
    .select({ count: rateLimits.count, resetAt: rateLimits.resetAt })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.resetAt, now)))
    .get();
}

export async function deleteExpiredRateLimits(db: Db, now = new Date()) {
  await db.delete(rateLimits).where(lte(rateLimits.resetAt, now));
}

export async function clearRateLimit(db: Db, key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
