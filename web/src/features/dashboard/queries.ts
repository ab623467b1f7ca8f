import { queryOptions } from '@tanstack/react-query';
import { http, unwrap } from '../../api/http';

export const dashboardQueries = {
  overview: () =>
    queryOptions({
      queryKey: ['dashboard'] as const,
      queryFn: () => unwrap(http.GET('/dashboard')),
      refetchInterval: 30_000,
    }),
};
