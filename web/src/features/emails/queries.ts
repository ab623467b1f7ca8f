import { queryOptions } from '@tanstack/react-query';
import { http, unwrap } from '../../api/http';

const all = ['emails'] as const;

/** The email log (the business's, or one client's); sending a document invalidates `all()`. */
export const emailQueries = {
  all: () => all,
  log: (clientId?: string) =>
    queryOptions({
      queryKey: [...all, clientId ?? null] as const,
      queryFn: () => unwrap(http.GET('/emails', { params: { query: { clientId, limit: 50 } } })),
    }),
};
