import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../db';
import { idempotencyKeys } from '../schema';

/** How long a key is remembered; a retry after that runs as a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

export type IdempotencyRecord = typeof idempotencyKeys.$inferInsert;

export async function findIdempotencyRecord(db: Db, tenantId: string, key: string, now = new Date()) {
  return db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.tenantId, tenantId),
        eq(idempotencyKeys.key, key),
        gt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)),
      ),
    )
    .get();
}

/** The first outcome wins; an expired record under the same key is replaced. */
export async function saveIdempotencyRecord(db: Db, r: IdempotencyRecord) {
  const { tenantId, key, ...rest } = r;
  await db
    .insert(idempotencyKeys)
    .values(r)
    .onConflictDoUpdate({
      target: [idempotencyKeys.tenantId, idempotencyKeys.key],
      set: rest,
      setWhere: lte(idempotencyKeys.createdAt, new Date(r.createdAt.getTime() - IDEMPOTENCY_TTL_MS)),
    });
}

export async function deleteExpiredIdempotencyRecords(db: Db, now = new Date()) {
  await db
    .delete(idempotencyKeys)
    .where(lte(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)));
}
