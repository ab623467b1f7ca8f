import { type DocumentType, ESTIMATE_VIEW_STATUSES, INVOICE_VIEW_STATUSES } from '@clientele/core';

/** The status filters of document lists, from the one status model. */
export const STATUS_FILTERS: Record<DocumentType, readonly string[]> = {
  invoice: INVOICE_VIEW_STATUSES,
  estimate: ESTIMATE_VIEW_STATUSES,
};
