import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { http, unwrap } from '../../api/http';
import type { Page, RecurringInvoice } from '../../api/types';

const all = ['recurring-invoices'] as const;

/** Recurring invoice reads; every write invalidates `all()`. */
export const recurringQueries = {
  all: () => all,
  list: () =>
    infiniteQueryOptions({
      queryKey: [...all, 'list'] as const,
      queryFn: ({ pageParam }): Promise<Page<RecurringInvoice>> =>
        unwrap(http.GET('/recurring-invoices', { params: { query: { cursor: pageParam, limit: 50 } } })),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...all, 'one', id] as const,
      queryFn: (): Promise<RecurringInvoice> =>
        unwrap(http.GET('/recurring-invoices/{id}', { params: { path: { id } } })),
      enabled: Boolean(id),
    }),
};
