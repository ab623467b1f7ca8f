import { and, asc, desc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { type InboundMailRow, inboundMail } from '../schema';
import { type Beside, NOTHING_BESIDE } from './beside';
import { type NewMessage, ticketMessageWrites } from './tickets';

export async function recordInboundMail(
  db: Db,
  row: Omit<InboundMailRow, 'id' | 'rawKey'> & { id?: string; rawKey?: string | null },
) {
  const id = row.id ?? newId('inm');
  await db.insert(inboundMail).values({ ...row, id, rawKey: row.rawKey ?? null });
  return id;
}

export async function listInboundMail(db: Db, tenantId: string, limit = 50) {
  return db
    .select()
    .from(inboundMail)
    .where(eq(inboundMail.tenantId, tenantId))
    .orderBy(desc(inboundMail.receivedAt), desc(inboundMail.id))
    .limit(limit)
    .all();
}

export async function getInboundMail(db: Db, tenantId: string, id: string) {
  return db
    .select()
    .from(inboundMail)
    .where(and(eq(inboundMail.tenantId, tenantId), eq(inboundMail.id, id)))
    .get();
}

/**
 * A held message accepted onto its thread: the message, the ticket's state and the log line
 * in one batch. The message row's id comes from the log line's, so a second acceptance —
 * a double click, two tabs — fails on the primary key and nothing is written twice.
 */
export async function acceptHeldInboundMail(
  db: Db,
  held: Pick<InboundMailRow, 'id' | 'tenantId'> & { ticketId: string },
  message: NewMessage,
  reason: string,
  now: Date,
  beside: Beside = NOTHING_BESIDE,
) {
  const tenantId = held.tenantId!;
  const { row, writes } = ticketMessageWrites(
    db,
    tenantId,
    held.ticketId,
    { ...message, id: heldMessageId(held.id) },
    now,
  );
  await db.batch([
    ...writes,
    db
      .update(inboundMail)
      .set({ outcome: 'accepted', reason, rawKey: null })
      .where(
        and(
          eq(inboundMail.tenantId, tenantId),
          eq(inboundMail.id, held.id),
          eq(inboundMail.outcome, 'rejected'),
          isNotNull(inboundMail.rawKey),
        ),
      ),
    ...beside(held.id),
  ]);
  return row;
}

/** Held messages received before `before`, oldest first, across businesses (the clean-up's view). */
export async function heldInboundMailBefore(db: Db, before: Date, limit: number) {
  return db
    .select({ id: inboundMail.id, rawKey: inboundMail.rawKey })
    .from(inboundMail)
    .where(and(isNotNull(inboundMail.rawKey), lt(inboundMail.receivedAt, before)))
    .orderBy(asc(inboundMail.receivedAt))
    .limit(limit)
    .all();
}

/** The held copies are gone: the log lines stay, no longer acceptable. */
export async function releaseHeldInboundMail(db: Db, ids: string[], reason: string) {
  if (ids.length === 0) return;
  await db
    .update(inboundMail)
    .set({ rawKey: null, reason })
    .where(and(inArray(inboundMail.id, ids), isNotNull(inboundMail.rawKey)));
}

/** The id the message of a held log line gets on its thread once accepted. */
export const heldMessageId = (logId: string) => `msg_${logId.replace(/^inm_/, '')}`;

export type { InboundMailRow };
