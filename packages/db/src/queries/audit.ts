import { and, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { decodeCursor, encodeCursor, type Page } from '../pagination';
import { AUDIT_ACTOR_TYPES, type AuditActorType, type AuditLine, auditLog } from '../schema';
import { InvalidCursorError } from './clients';

export interface AuditEntry {
  tenantId: string;
  at: Date;
  actor: { type: AuditActorType; id: string | null; name: string | null; ip: string | null };
  /** `<subject>.<verb>`, e.g. `invoice.issued`. */
  action: string;
  subject: { type: string; id: string | null };
  detail?: Record<string, string | number | boolean | null>;
}

function row(e: AuditEntry) {
  return {
    id: newId('aud'),
    tenantId: e.tenantId,
    at: e.at,
    actorType: e.actor.type,
    actorId: e.actor.id,
    actorName: e.actor.name,
    action: e.action,
    subjectType: e.subject.type,
    subjectId: e.subject.id,
    ip: e.actor.ip,
    detail: e.detail ?? null,
  };
}

/**
 * One audit line as a statement for `db.batch`, beside the change it records: both are
 * written or neither is.
 */
export function auditInsert(db: Db, e: AuditEntry) {
  return db.insert(auditLog).values(row(e));
}

/**
 * The same line, written only when the statement just before it in the batch changed a row
 * (SQLite's `changes()`): an update whose condition matched nothing leaves no line saying
 * it happened.
 */
export function auditIfChanged(db: Db, e: AuditEntry, detailSql?: SQL) {
  const r = row(e);
  const detail = detailSql ?? (r.detail ? JSON.stringify(r.detail) : null);
  // Column order follows the audit_log table: drizzle lists every column for INSERT … SELECT.
  return db
    .insert(auditLog)
    .select(
      sql`SELECT ${r.id}, ${r.tenantId}, ${r.at.getTime()}, ${r.actorType}, ${r.actorId}, ${r.actorName}, ${r.action}, ${r.subjectType}, ${r.subjectId}, ${r.ip}, ${detail} WHERE changes() > 0`,
    );
}

export interface AuditLogFilter {
  /** An actor's id, or an actor type (`system` has no id). */
  actor?: string | undefined;
  /** An exact action (`invoice.issued`), or every action of a subject when it ends with a dot (`invoice.`). */
  action?: string | undefined;
  subjectId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

function isActorType(v: string): v is AuditActorType {
  return (AUDIT_ACTOR_TYPES as readonly string[]).includes(v);
}

/** One business's lines, newest first, keyset-paged on (at, id). */
export async function listAuditLog(db: Db, tenantId: string, f: AuditLogFilter): Promise<Page<AuditLine>> {
  const where: SQL[] = [eq(auditLog.tenantId, tenantId)];
  if (f.actor) {
    where.push(isActorType(f.actor) ? eq(auditLog.actorType, f.actor) : eq(auditLog.actorId, f.actor));
  }
  if (f.action?.endsWith('.')) {
    // A range rather than LIKE: it uses the (tenant, action, at) index; '/' sorts right after '.'.
    where.push(gte(auditLog.action, f.action), lt(auditLog.action, `${f.action.slice(0, -1)}/`));
  } else if (f.action) {
    where.push(eq(auditLog.action, f.action));
  }
  if (f.subjectId) where.push(eq(auditLog.subjectId, f.subjectId));
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    if (!c) throw new InvalidCursorError();
    const at = new Date(c.createdAt);
    where.push(or(lt(auditLog.at, at), and(eq(auditLog.at, at), lt(auditLog.id, c.id)))!);
  }
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(f.limit + 1)
    .all();
  const data = rows.slice(0, f.limit);
  const last = data.at(-1);
  return {
    data,
    nextCursor:
      rows.length > f.limit && last ? encodeCursor({ createdAt: last.at.getTime(), id: last.id }) : null,
  };
}

/**
 * Deletes lines written before `before`, `batchSize` at a time and at most `maxBatches`
 * times, so one cron tick stays well inside a Worker's limits however much has piled up;
 * the next tick takes the rest. Returns how many lines went.
 */
export async function deleteAuditLinesBefore(
  db: Db,
  before: Date,
  batchSize = 500,
  maxBatches = 20,
): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < maxBatches; i++) {
    const oldest = db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(lt(auditLog.at, before))
      .limit(batchSize);
    const gone = await db.delete(auditLog).where(inArray(auditLog.id, oldest)).returning({ id: auditLog.id });
    deleted += gone.length;
    if (gone.length < batchSize) break;
  }
  return deleted;
}
