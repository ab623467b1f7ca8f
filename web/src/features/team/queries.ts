import { queryOptions } from '@tanstack/react-query';
import { http, unwrap } from '../../api/http';

export const teamQueries = {
  members: () =>
    queryOptions({ queryKey: ['team', 'members'] as const, queryFn: () => unwrap(http.GET('/members')) }),
  invitations: () =>
    queryOptions({
      queryKey: ['team', 'invitations'] as const,
      queryFn: () => unwrap(http.GET('/invitations')),
    }),
  businesses: () =>
    queryOptions({
      queryKey: ['me', 'businesses'] as const,
      queryFn: () => unwrap(http.GET('/me/businesses')),
    }),
  invitation: (token: string) =>
    queryOptions({
      queryKey: ['invitation', token] as const,
      queryFn: () => unwrap(http.GET('/invitations/{token}/accept', { params: { path: { token } } })),
      retry: false,
    }),
};
