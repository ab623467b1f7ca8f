import { queryOptions } from '@tanstack/react-query';
import { http, unwrap } from '../../api/http';
import { documentQueries } from '../documents/queries';

/** An invoice's payments live under the invoice's key: a document action refreshes them too. */
export const paymentQueries = {
  list: (invoiceId: string) =>
    queryOptions({
      queryKey: [...documentQueries.one('invoice', invoiceId), 'payments'] as const,
      queryFn: () => unwrap(http.GET('/invoices/{id}/payments', { params: { path: { id: invoiceId } } })),
    }),
  online: (invoiceId: string) =>
    queryOptions({
      queryKey: [...documentQueries.one('invoice', invoiceId), 'online-payments'] as const,
      queryFn: () =>
        unwrap(http.GET('/invoices/{id}/online-payments', { params: { path: { id: invoiceId } } })),
    }),
};
