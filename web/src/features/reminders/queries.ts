import { queryOptions } from '@tanstack/react-query';
import { http, unwrap } from '../../api/http';

const all = ['reminders'] as const;

export const reminderQueries = {
  /** The reminders an invoice has had: steps sent or skipped, and "Send reminder now". */
  ofInvoice: (invoiceId: string) =>
    queryOptions({
      queryKey: [...all, invoiceId] as const,
      queryFn: () => unwrap(http.GET('/invoices/{id}/reminders', { params: { path: { id: invoiceId } } })),
    }),
};

/** What "Send reminder now" changes: the invoice's reminder history (and the email log). */
export const reminderChanges = () => [all, ['emails']] as const;
