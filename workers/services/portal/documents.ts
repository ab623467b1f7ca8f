import type { DocumentType } from '@clientele/core';
import {
  markViewed,
  type PortalInvoiceQuery,
  portalDocument,
  portalEstimates,
  portalInvoices,
  recentClientPayments,
} from '@clientele/db';
import type { TenantContext } from '../context';
import { pdfOfDocument } from '../documents/pdf';
import { today } from '../documents/view';

/** One signed-in client of one business: every portal read is scoped by both. */
export interface ClientScope {
  ctx: TenantContext;
  clientId: string;
}

/** The client's issued invoices, one page, in the order asked for. */
export function invoicePage(scope: ClientScope, q: Omit<PortalInvoiceQuery, 'today'>) {
  return portalInvoices(scope.ctx.db, scope.ctx.tenantId, scope.clientId, {
    ...q,
    today: today(scope.ctx.now),
  });
}

/** The client's issued estimates, one page. */
export function estimatePage(scope: ClientScope, page: number, pageSize: number) {
  return portalEstimates(scope.ctx.db, scope.ctx.tenantId, scope.clientId, page, pageSize);
}

/** One of the client's issued documents, or undefined (drafts and other clients' never). */
export function clientDocument(scope: ClientScope, type: DocumentType, id: string) {
  return portalDocument(scope.ctx.db, scope.ctx.tenantId, scope.clientId, type, id);
}

/** The PDF of one of the client's issued documents; null for anything else (another's, a draft). */
export async function clientDocumentPdf(scope: ClientScope, type: DocumentType, id: string) {
  const row = await clientDocument(scope, type, id);
  return row ? pdfOfDocument(scope.ctx, row) : null;
}

/**
 * A document the client is opening: the first view is recorded once, and the business
 * sees it in the document's history.
 */
export async function openClientDocument(scope: ClientScope, type: DocumentType, id: string) {
  const row = await clientDocument(scope, type, id);
  if (!row || row.viewedAt) return row;
  return (await markViewed(scope.ctx.db, scope.ctx.tenantId, scope.clientId, row.id, scope.ctx.now)) ?? row;
}

export function recentPayments(scope: ClientScope) {
  return recentClientPayments(scope.ctx.db, scope.ctx.tenantId, scope.clientId);
}
