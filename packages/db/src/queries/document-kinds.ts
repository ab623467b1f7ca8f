import { type DocumentType, isEstimateStatus, isInvoiceStatus } from '@clientele/core';
import type { DocumentRow, DocumentRows, EstimateRow, InvoiceRow, TypedDocumentRow } from '../schema';

/**
 * SQLite keeps `type` and `status` as free text, so a row becomes an invoice or an estimate
 * here, once, by the status model. A row whose pair the model does not allow was written by
 * a bug: it is refused, never shown as something it is not.
 */
export class DocumentKindError extends Error {
  constructor(row: Pick<DocumentRow, 'id' | 'type' | 'status'>) {
    super(`document ${row.id} is stored as a ${row.type} with status ${row.status}`);
  }
}

function invoiceRow(row: DocumentRow): InvoiceRow | null {
  if (row.type !== 'invoice') return null;
  if (!isInvoiceStatus(row.status)) throw new DocumentKindError(row);
  return { ...row, type: row.type, status: row.status };
}

function estimateRow(row: DocumentRow): EstimateRow | null {
  if (row.type !== 'estimate') return null;
  if (!isEstimateStatus(row.status)) throw new DocumentKindError(row);
  return { ...row, type: row.type, status: row.status };
}

const KINDS: { [K in DocumentType]: (row: DocumentRow) => DocumentRows[K] | null } = {
  invoice: invoiceRow,
  estimate: estimateRow,
};

/** The row as the kind asked for, or null when it is the other kind. */
export function documentAs<T extends DocumentType>(type: T, row: DocumentRow): DocumentRows[T] | null {
  return KINDS[type](row);
}

/** The row as whichever kind it is. */
export function typedDocument(row: DocumentRow): TypedDocumentRow {
  const typed = invoiceRow(row) ?? estimateRow(row);
  if (!typed) throw new DocumentKindError(row);
  return typed;
}
