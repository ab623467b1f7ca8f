import { type Db, findIdempotencyRecord, type IdempotencyRecord, saveIdempotencyRecord } from '@clientele/db';

/** The outcome remembered for a key in this business, if it is younger than 24 hours. */
export function rememberedOutcome(db: Db, tenantId: string, key: string, now: Date) {
  return findIdempotencyRecord(db, tenantId, key, now);
}

/** Remembers a settled outcome; the first one under a key wins. */
export function rememberOutcome(db: Db, record: IdempotencyRecord) {
  return saveIdempotencyRecord(db, record);
}
