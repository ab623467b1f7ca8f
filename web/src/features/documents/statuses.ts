import {
  type DocumentType,
  ESTIMATE_VIEW_STATUSES,
  type EstimateViewStatus,
  INVOICE_VIEW_STATUSES,
  type InvoiceViewStatus,
} from '@clientele/core';
import type { AdminMessages } from '@clientele/core/admin-words';
import { oneOf } from '../../api/http';

/** The status filters of document lists, from the one status model. */
export const STATUS_FILTERS = {
  invoice: INVOICE_VIEW_STATUSES,
  estimate: ESTIMATE_VIEW_STATUSES,
} as const satisfies Record<DocumentType, readonly string[]>;

export type DocumentStatus = InvoiceViewStatus | EstimateViewStatus;

/** `status` when it is one a document of this type can have (a filter from the URL, say). */
export const statusOf = (type: DocumentType, status: string | null | undefined) =>
  oneOf<DocumentStatus>(STATUS_FILTERS[type], status);

/** A document status in the app's language (estimates have their own words: grammar agrees with the noun). */
export function statusLabel(t: AdminMessages, type: DocumentType, status: string): string {
  if (type === 'invoice') {
    const known = oneOf(INVOICE_VIEW_STATUSES, status);
    return known ? t.status[known] : status;
  }
  const known = oneOf(ESTIMATE_VIEW_STATUSES, status);
  return known ? t.estimateStatus[known] : status;
}
