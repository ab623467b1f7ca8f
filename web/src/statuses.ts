import {
  type DocumentType,
  ESTIMATE_VIEW_STATUSES,
  type EstimateViewStatus,
  INVOICE_VIEW_STATUSES,
  type InvoiceViewStatus,
} from '@clientele/core';
import type { AdminMessages } from '@clientele/core/admin-words';

/** The status filters of document lists, from the one status model. */
export const STATUS_FILTERS: Record<DocumentType, readonly string[]> = {
  invoice: INVOICE_VIEW_STATUSES,
  estimate: ESTIMATE_VIEW_STATUSES,
};

/** A document status in the app's language (estimates have their own words: grammar agrees with the noun). */
export function statusLabel(t: AdminMessages, type: DocumentType, status: string): string {
  const label =
    type === 'invoice'
      ? t.status[status as InvoiceViewStatus]
      : t.estimateStatus[status as EstimateViewStatus];
  return label ?? status;
}

export type TicketStatus = 'open' | 'waiting' | 'closed';

/** Ticket statuses in inbox order (who owes the next answer); their names are in the catalogue. */
export const TICKET_STATUSES: readonly TicketStatus[] = ['open', 'waiting', 'closed'];
