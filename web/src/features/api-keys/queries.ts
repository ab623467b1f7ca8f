import { queryOptions } from '@tanstack/react-query';
import { http, unwrap } from '../../api/http';

export const apiKeyQueries = {
  list: () => queryOptions({ queryKey: ['api-keys'] as const, queryFn: () => unwrap(http.GET('/api-keys')) }),
};
