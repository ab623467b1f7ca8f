import { queryOptions } from '@tanstack/react-query';
import { http, type QueryOf, unwrap } from '../../api/http';

export type TicketStatus = 'open' | 'waiting' | 'closed';

/** Ticket statuses in inbox order (who owes the next answer); their names are in the catalogue. */
export const TICKET_STATUSES: readonly TicketStatus[] = ['open', 'waiting', 'closed'];

const all = ['tickets'] as const;

/** Support reads; a ticket write invalidates `all()` (the inbox, the thread, the badge, the mail log). */
export const ticketQueries = {
  all: () => all,
  list: (query: Pick<QueryOf<'/tickets'>, 'status' | 'clientId'>) =>
    queryOptions({
      queryKey: [...all, 'list', query] as const,
      queryFn: () => unwrap(http.GET('/tickets', { params: { query } })),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...all, 'one', id] as const,
      queryFn: () => unwrap(http.GET('/tickets/{id}', { params: { path: { id } } })),
    }),
  unread: () =>
    queryOptions({
      queryKey: [...all, 'unread'] as const,
      queryFn: () => unwrap(http.GET('/tickets/unread-count')),
    }),
  inboundMail: () =>
    queryOptions({
      queryKey: [...all, 'inbound-mail'] as const,
      queryFn: () => unwrap(http.GET('/tickets/inbound-mail')),
    }),
};
