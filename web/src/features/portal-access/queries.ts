import { queryOptions } from '@tanstack/react-query';
import { http, unwrap } from '../../api/http';
import { clientQueries } from '../clients/queries';

/** A client's sign-in links sit under the client's key: changing the client refreshes them. */
export const portalAccessQueries = {
  links: (clientId: string) =>
    queryOptions({
      queryKey: [...clientQueries.one(clientId), 'portal-links'] as const,
      queryFn: () => unwrap(http.GET('/portal-links', { params: { query: { clientId } } })),
    }),
};
