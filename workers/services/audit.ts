import { type AuditEntry, auditIfChanged, auditInsert, type issuedNumberDetail } from '@clientele/db';
import type { TenantContext } from './context';

export type AuditSubject = AuditEntry['subject'];
export type AuditDetail = AuditEntry['detail'];

function entry(ctx: TenantContext, action: string, subject: AuditSubject, detail?: AuditDetail): AuditEntry {
  return {
    tenantId: ctx.tenantId,
    at: ctx.now,
    actor: ctx.actor,
    action,
    subject,
    ...(detail ? { detail } : {}),
  };
}

/**
 * The audit line for a change, as a statement to put in the same `db.batch` as the change:
 * no change is written without its line, and no line without its change.
 */
export function auditLine(ctx: TenantContext, action: string, subject: AuditSubject, detail?: AuditDetail) {
  return auditInsert(ctx.db, entry(ctx, action, subject, detail));
}

/**
 * As `auditLine`, but only when the batch's statement just before it changed a row. `detailSql`
 * reads the detail inside the batch, for facts the change itself decides (an issued number).
 */
export function auditLineIfChanged(
  ctx: TenantContext,
  action: string,
  subject: AuditSubject,
  detail?: AuditDetail,
  detailSql?: ReturnType<typeof issuedNumberDetail>,
) {
  return auditIfChanged(ctx.db, entry(ctx, action, subject, detail), detailSql);
}

/** An event that changes nothing else (a failed sign-in, a download): its line on its own. */
export async function recordAudit(
  ctx: TenantContext,
  action: string,
  subject: AuditSubject,
  detail?: AuditDetail,
): Promise<void> {
  await auditLine(ctx, action, subject, detail);
}
