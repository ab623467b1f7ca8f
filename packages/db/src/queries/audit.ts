import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { type AuditActorType, auditLog } from '../schema';

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
export function auditIfChanged(db: Db, e: AuditEntry) {
  const r = row(e);
  // An INSERT … SELECT builder rather than `db.run(sql)`: drizzle's D1 batch cannot bind the
  // parameters of a raw statement (it has no prepared statement to bind them to).
  return db.insert(auditLog).select(
    sql`SELECT ${r.id}, ${r.tenantId}, ${r.at.getTime()}, ${r.actorType}, ${r.actorId}, ${r.actorName}, ${r.action}, ${r.subjectType}, ${r.subjectId}, ${r.ip}, ${r.detail ? JSON.stringify(r.detail) : null}
    WHERE changes() > 0`,
  );
}

/** Writes one line on its own, for events that change nothing else (a failed sign-in, an export downloaded). */
export async function writeAudit(db: Db, e: AuditEntry) {
  await auditInsert(db, e);
}
