import { queryOptions } from '@tanstack/react-query';
import { http, unwrap } from '../../api/http';

const all = ['settings'] as const;

export const settingsQueries = {
  business: () =>
    queryOptions({ queryKey: [...all, 'business'] as const, queryFn: () => unwrap(http.GET('/settings')) }),
  stripe: () =>
    queryOptions({
      queryKey: [...all, 'stripe'] as const,
      queryFn: () => unwrap(http.GET('/settings/stripe')),
    }),
};
