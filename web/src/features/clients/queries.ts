import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { chosen, http, type QueryOf, unwrap } from '../../api/http';
import type { Doc, DocType, Page } from '../../api/types';
import { statusOf } from '../documents/statuses';

export interface ClientListParams {
  q?: string;
  archived?: boolean;
  cursor?: string | undefined;
  limit?: number;
}

const all = ['clients'] as const;
/** Everything about one client (its record, 360°, documents, portal links) sits under this key. */
const one = (id: string) => [...all, 'one', id] as const;

/** Client reads; a write invalidates `lists()` (names, searches) or `everyOne()`/`one(id)`. */
export const clientQueries = {
  lists: () => [...all, 'list'] as const,
  everyOne: () => [...all, 'one'] as const,
  one,
  list: (params: ClientListParams) =>
    queryOptions({
      queryKey: [...clientQueries.lists(), params] as const,
      queryFn: () =>
        unwrap(
          http.GET('/clients', {
            params: {
              query: {
                q: chosen(params.q),
                cursor: chosen(params.cursor),
                limit: params.limit || undefined,
                archived: params.archived ? 'true' : undefined,
              } satisfies QueryOf<'/clients'>,
            },
          }),
        ),
      // The previous page (or search) stays on screen while the next one loads.
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: one(id),
      queryFn: () => unwrap(http.GET('/clients/{id}', { params: { path: { id } } })),
      enabled: Boolean(id),
    }),
  summary: (id: string) =>
    queryOptions({
      queryKey: [...one(id), 'summary'] as const,
      queryFn: () => unwrap(http.GET('/clients/{id}/summary', { params: { path: { id } } })),
    }),
  /** The client's documents of one type, page after page ("Load more"). */
  documents: (id: string, params: { type: DocType; status?: string }) =>
    infiniteQueryOptions({
      queryKey: [...one(id), 'documents', params] as const,
      queryFn: ({ pageParam }): Promise<Page<Doc>> =>
        unwrap(
          http.GET('/clients/{id}/documents', {
            params: {
              path: { id },
              query: {
                type: params.type,
                status: statusOf(params.type, params.status),
                cursor: pageParam,
              },
            },
          }),
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      enabled: Boolean(id),
    }),
};
