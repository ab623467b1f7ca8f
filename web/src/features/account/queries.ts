import { queryOptions } from '@tanstack/react-query';
import { http, unwrap } from '../../api/http';

export const accountQueries = {
  me: () => queryOptions({ queryKey: ['me'] as const, queryFn: () => unwrap(http.GET('/me')) }),
  devices: () =>
    queryOptions({ queryKey: ['me', 'sessions'] as const, queryFn: () => unwrap(http.GET('/me/sessions')) }),
};
