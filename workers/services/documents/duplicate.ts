import { defaultTimeZone, type LineInput, todayIn } from '@clientele/core';
import {
  createDocument,
  type DocumentFields,
  type DocumentType,
  discountPercentOf,
  getClient,
  getTenant,
} from '@clientele/db';
import type { TenantContext } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import { documentLine } from './audit-lines';
import { addDays, asKind, billToOf, computeTotals, load } from './documents';
import type { DocumentViews } from './schema';
import { toDocumentView } from './view';

/** Whole days from one ISO date to another (the original's payment terms or validity). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A new draft with what the original billed (client, currency, lines, discount, notes, footer)
 * dated today in the business's time zone. The due date or validity keeps the original's
 * interval, so terms agreed with this client carry over; one without a date falls back to the
 * business's terms. Nothing that belongs to the original's life is copied: number, status,
 * snapshot, payments, sent/viewed marks, Stripe dispute, credit notes, the estimate link.
 * The draft reads the client as it is today (language, billing details), like any draft.
 */
export async function duplicateDocument<T extends DocumentType>(
  ctx: TenantContext,
  type: T,
  id: string,
): Promise<DocumentViews[T]> {
  const source = await load(ctx, type, id);
  const [tenant, client] = await Promise.all([
    getTenant(ctx.db, ctx.tenantId),
    getClient(ctx.db, ctx.tenantId, source.clientId),
  ]);
  if (!tenant || !client) throw new NotFoundError(type);
  // A new document for an archived client would be one nobody can send; unarchive first.
  if (client.archivedAt) {
    throw new ConflictError('clientArchived', [{ path: 'clientId', message: 'clientArchived' }]);
  }
  const issueDate = todayIn(defaultTimeZone(tenant.country), ctx.now);
  const interval = (until: string | null, fallback: number) =>
    addDays(issueDate, until ? Math.max(0, daysBetween(source.issueDate, until)) : fallback);
  const lines = source.lines as LineInput[];
  const discountPercent = discountPercentOf(source);
  const fields: DocumentFields = {
    clientId: client.id,
    currency: source.currency,
    language: client.language,
    issueDate,
    dueDate: type === 'invoice' ? interval(source.dueDate, tenant.paymentTermsDays) : null,
    validUntil: type === 'estimate' ? interval(source.validUntil, 30) : null,
    lines,
    discountPercent,
    notes: source.notes,
    footer: source.footer,
  };
  const t = computeTotals(lines, discountPercent);
  const line = documentLine(ctx, type, 'duplicated', { sourceId: source.id, sourceNumber: source.number });
  const row = asKind(type, await createDocument(ctx.db, ctx.tenantId, type, fields, t, ctx.now, {}, line));
  if (!row) throw new NotFoundError(type);
  return toDocumentView(type, row, ctx.now, billToOf(client));
}
