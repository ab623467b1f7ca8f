import { type DocumentType, ESTIMATE_VIEW_STATUSES, INVOICE_VIEW_STATUSES } from '@clientele/core';

/** The status filters of document lists, from the one status model. */
export const STATUS_FILTERS: Record<DocumentType, readonly string[]> = {
  invoice: INVOICE_VIEW_STATUSES,
  estimate: ESTIMATE_VIEW_STATUSES,
};

export type TicketStatus = 'open' | 'waiting' | 'closed';

/** Ticket statuses as the business reads them (who owes the next answer), in inbox order. */
export const TICKET_STATUS_LABEL: Record<TicketStatus, string> = {
  open: 'Awaiting you',
  waiting: 'Waiting on client',
  closed: 'Closed',
};
