import { queryOptions } from '@tanstack/react-query';
import { http, unwrap } from '../../api/http';
import { clientQueries } from '../clients/queries';
import { documentQueries } from '../documents/queries';
import { emailQueries } from '../emails/queries';

const all = ['credit-notes'] as const;

/** Credit notes and what an invoice can still be credited or be paid from credit. */
export const creditNoteQueries = {
  all: () => all,
  ofInvoice: (invoiceId: string) =>
    queryOptions({
      queryKey: [...all, 'invoice', invoiceId] as const,
      queryFn: () => unwrap(http.GET('/credit-notes', { params: { query: { invoiceId, limit: 200 } } })),
      enabled: Boolean(invoiceId),
    }),
  ofClient: (clientId: string) =>
    queryOptions({
      queryKey: [...all, 'client', clientId] as const,
      queryFn: () => unwrap(http.GET('/credit-notes', { params: { query: { clientId, limit: 200 } } })),
      enabled: Boolean(clientId),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...all, 'one', id] as const,
      queryFn: () => unwrap(http.GET('/credit-notes/{id}', { params: { path: { id } } })),
      enabled: Boolean(id),
    }),
  options: (invoiceId: string) =>
    queryOptions({
      queryKey: [...all, 'options', invoiceId] as const,
      queryFn: () =>
        unwrap(http.GET('/invoices/{id}/credit-options', { params: { path: { id: invoiceId } } })),
      enabled: Boolean(invoiceId),
    }),
};

/** A credit note or a use of credit changes the invoice, its payments, the client 360° and the email log. */
export const creditChanges = () => [
  creditNoteQueries.all(),
  documentQueries.all(),
  clientQueries.everyOne(),
  emailQueries.all(),
];
