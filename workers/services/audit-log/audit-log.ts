import { type AuditLine, listAuditLog } from '@clientele/db';
import type { TenantContext } from '../context';
import type { AuditLineView } from './schema';

export function toAuditLineView(l: AuditLine): AuditLineView {
  return {
    id: l.id,
    at: l.at.toISOString(),
    actor: { type: l.actorType, id: l.actorId, name: l.actorName },
    action: l.action,
    subject: { type: l.subjectType, id: l.subjectId },
    ip: l.ip,
    detail: l.detail ?? null,
  };
}

/** The business's audit log, newest first; never another business's lines. */
export async function auditLogFor(
  ctx: TenantContext,
  q: {
    actor?: string | undefined;
    action?: string | undefined;
    subjectId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const page = await listAuditLog(ctx.db, ctx.tenantId, q);
  return { data: page.data.map(toAuditLineView), nextCursor: page.nextCursor };
}
