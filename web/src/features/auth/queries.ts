import { queryOptions } from '@tanstack/react-query';
import { ApiError } from '../../api/http';
import { currentSession } from './api';

/** Who is signed in: read once when the app opens, then set by sign-in, sign-up and sign-out. */
export const sessionQueries = {
  current: () =>
    queryOptions({
      queryKey: ['session'] as const,
      // Not signed in is an answer (null), not a failure.
      queryFn: () =>
        currentSession().catch((err: unknown) => {
          if (!(err instanceof ApiError && err.status === 401)) console.error(err);
          return null;
        }),
      staleTime: Number.POSITIVE_INFINITY,
      refetchOnWindowFocus: false,
      retry: false,
    }),
};
