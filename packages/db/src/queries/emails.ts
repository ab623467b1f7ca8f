import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { decodeCursor, pageOf } from '../pagination';
import { devOutbox, type EmailRow, emails } from '../schema';
import { InvalidCursorError } from './clients';

export interface NewEmail {
  clientId: string | null;
  documentId: string | null;
  ticketMessageId?: string | null;
  activityId?: string | null;
  kind: string;
  variant?: string | null;
  to: string;
  idempotencyKey: string;
}

/**
 * Records an email as queued. A repeated idempotency key returns the existing record,
 * so a retried request queues nothing twice.
 */
export async function createEmail(
  db: Db,
  tenantId: string,
  e: NewEmail,
  now = new Date(),
): Promise<EmailRow> {
  const inserted = await db
    .insert(emails)
    .values({ id: newId('eml'), tenantId, ...e, status: 'queued', createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning()
    .get();
  if (inserted) return inserted;
  const existing = await db
    .select()
    .from(emails)
    .where(and(eq(emails.tenantId, tenantId), eq(emails.idempotencyKey, e.idempotencyKey)))
    .get();
  return existing!;
}

export async function getEmail(db: Db, tenantId: string, id: string) {
  return db
    .select()
    .from(emails)
    .where(and(eq(emails.tenantId, tenantId), eq(emails.id, id)))
    .get();
}

export async function markEmailSent(
  db: Db,
  tenantId: string,
  id: string,
  s: { subject: string; providerId: string },
  now = new Date(),
) {
  await db
    .update(emails)
    .set({
      status: 'sent',
      subject: s.subject,
      providerId: s.providerId,
      error: null,
      sentAt: now,
      updatedAt: now,
      attempts: sql`${emails.attempts} + 1`,
    })
    .where(and(eq(emails.tenantId, tenantId), eq(emails.id, id)));
}

/** A failed attempt: the reason is kept; `final` marks the email failed for good. */
export async function markEmailAttemptFailed(
  db: Db,
  tenantId: string,
  id: string,
  f: { error: string; final: boolean; subject?: string | null },
  now = new Date(),
) {
  await db
    .update(emails)
    .set({
      error: f.error.slice(0, 1000),
      status: f.final ? 'failed' : 'queued',
      ...(f.subject ? { subject: f.subject } : {}),
      attempts: sql`${emails.attempts} + 1`,
      updatedAt: now,
    })
    .where(and(eq(emails.tenantId, tenantId), eq(emails.id, id), sql`${emails.status} <> 'sent'`));
}

export async function listEmails(
  db: Db,
  tenantId: string,
  opts: { clientId?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const where = [eq(emails.tenantId, tenantId)];
  if (opts.clientId) where.push(eq(emails.clientId, opts.clientId));
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor);
    if (!c) throw new InvalidCursorError();
    const at = new Date(c.createdAt);
    where.push(or(lt(emails.createdAt, at), and(eq(emails.createdAt, at), lt(emails.id, c.id)))!);
  }
  const rows = await db
    .select()
    .from(emails)
    .where(and(...where))
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(opts.limit + 1)
    .all();
  return pageOf(rows, opts.limit);
}

export async function addToOutbox(
  db: Db,
  o: { tenantId: string; emailId: string; to: string; subject: string; rawKey: string },
  now = new Date(),
) {
  const id = newId('msg');
  await db.insert(devOutbox).values({ id, ...o, createdAt: now });
  return id;
}

export async function outboxMessages(db: Db, tenantId: string, limit = 100) {
  return db
    .select()
    .from(devOutbox)
    .where(eq(devOutbox.tenantId, tenantId))
    .orderBy(desc(devOutbox.createdAt), desc(devOutbox.id))
    .limit(limit)
    .all();
}
