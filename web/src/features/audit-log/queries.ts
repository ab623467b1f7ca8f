import { infiniteQueryOptions } from '@tanstack/react-query';
import { http, unwrap } from '../../api/http';
import type { AuditLine, Page } from '../../api/types';

export interface AuditFilters {
  action?: string | undefined;
  actor?: string | undefined;
  subjectId?: string | undefined;
}

export const auditQueries = {
  /** Newest first, a page at a time ("Load more" asks for the next). */
  lines: (filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: ['audit-log', filters] as const,
      queryFn: ({ pageParam }): Promise<Page<AuditLine>> =>
        unwrap(http.GET('/audit-log', { params: { query: { ...filters, cursor: pageParam, limit: 50 } } })),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};
