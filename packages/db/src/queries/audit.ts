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
  // A query builder, not `db.run(sql…)`: D1's batch cannot bind a raw statement's parameters.
  // Columns in the table's order, which is how INSERT … SELECT pairs them.
  return db.insert(auditLog).select(
    db
      .select({
        id: sql`${r.id}`.as('id'),
        tenantId: sql`${r.tenantId}`.as('tenant_id'),
        at: sql`${r.at.getTime()}`.as('at'),
        actorType: sql`${r.actorType}`.as('actor_type'),
        actorId: sql`${r.actorId}`.as('actor_id'),
        actorName: sql`${r.actorName}`.as('actor_name'),
        action: sql`${r.action}`.as('action'),
        subjectType: sql`${r.subjectType}`.as('subject_type'),
        subjectId: sql`${r.subjectId}`.as('subject_id'),
        ip: sql`${r.ip}`.as('ip'),
        detail: sql`${r.detail ? JSON.stringify(r.detail) : null}`.as('detail'),
      })
      .from(sql`(SELECT 1)`)
      .where(sql`changes() > 0`),
  );
}

/** Writes one line on its own, for events that change nothing else (a failed sign-in, an export downloaded). */
export async function writeAudit(db: Db, e: AuditEntry) {
  await auditInsert(db, e);
}
