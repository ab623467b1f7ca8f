import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { type ActivityFacts, type ActivityKind, activity } from '../schema';

export async function recordActivity(
  db: Db,
  tenantId: string,
  a: { kind: ActivityKind; clientId: string; subjectId: string; facts: ActivityFacts },
  now: Date,
) {
  return db
    .insert(activity)
    .values({ id: newId('act'), tenantId, ...a, createdAt: now })
    .returning()
    .get();
}

export async function getActivity(db: Db, tenantId: string, id: string) {
  return db
    .select()
    .from(activity)
    .where(and(eq(activity.tenantId, tenantId), eq(activity.id, id)))
    .get();
}

export async function recentActivity(db: Db, tenantId: string, limit = 10) {
  return db
    .select()
    .from(activity)
    .where(eq(activity.tenantId, tenantId))
    .orderBy(desc(activity.createdAt), desc(activity.id))
    .limit(limit)
    .all();
}

/** Puts a notice into the hour's digest email instead of an email of its own. */
export async function addToDigest(db: Db, tenantId: string, activityId: string, emailId: string) {
  await db
    .update(activity)
    .set({ digestEmailId: emailId })
    .where(and(eq(activity.tenantId, tenantId), eq(activity.id, activityId)));
}

/** The notices a digest email carries, oldest first. */
export async function digestActivity(db: Db, tenantId: string, emailId: string) {
  return db
    .select()
    .from(activity)
    .where(and(eq(activity.tenantId, tenantId), eq(activity.digestEmailId, emailId)))
    .orderBy(asc(activity.createdAt), asc(activity.id))
    .all();
}
