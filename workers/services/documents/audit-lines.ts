import { type Beside, type DocumentType, issuedNumberDetail } from '@clientele/db';
import { type AuditDetail, auditLineIfChanged } from '../audit';
import type { TenantContext } from '../context';

/**
 * A document's audit line (`invoice.voided`, `estimate.accepted`, …) to write beside its
 * change; written only when the guarded statement just before it changed the row, so a
 * refused or lost change leaves no line.
 */
export function documentLine(
  ctx: TenantContext,
  type: DocumentType,
  verb: string,
  detail?: AuditDetail,
): Beside {
  return (id) => [auditLineIfChanged(ctx, `${type}.${verb}`, { type, id }, detail)];
}

/** `<type>.issued` with the number the issuing batch gave it (read inside that batch). */
export function issuedLine(ctx: TenantContext, type: DocumentType): Beside {
  return (id) => [
    auditLineIfChanged(ctx, `${type}.issued`, { type, id }, undefined, issuedNumberDetail(ctx.tenantId, id)),
  ];
}
