import { queryOptions } from '@tanstack/react-query';
import { http, unwrap } from '../../api/http';

/** While an export is being built its status is asked for every 2 s; otherwise not at all. */
const BUILDING = new Set(['queued', 'running']);

export const dataQueries = {
  exports: () =>
    queryOptions({
      queryKey: ['exports'] as const,
      queryFn: () => unwrap(http.GET('/exports')),
      refetchInterval: (q) => (q.state.data?.data.some((e) => BUILDING.has(e.status)) ? 2000 : false),
    }),
  /** An import is offered only to a business with nothing in it yet. */
  isEmpty: () =>
    queryOptions({
      queryKey: ['business-empty'] as const,
      queryFn: async () => {
        const [clients, invoices, estimates] = await Promise.all([
          unwrap(http.GET('/clients', { params: { query: { limit: 1 } } })),
          unwrap(http.GET('/invoices', { params: { query: { limit: 1 } } })),
          unwrap(http.GET('/estimates', { params: { query: { limit: 1 } } })),
        ]);
        return clients.data.length + invoices.data.length + estimates.data.length === 0;
      },
    }),
};
