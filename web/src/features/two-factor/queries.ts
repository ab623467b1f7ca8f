import { queryOptions } from '@tanstack/react-query';
import { http, unwrap } from '../../api/http';

export const twoFactorQueries = {
  /** The business's requirement (and whether the caller has it on). */
  requirement: () =>
    queryOptions({
      queryKey: ['two-factor', 'requirement'] as const,
      queryFn: () => unwrap(http.GET('/settings/two-factor')),
    }),
};
