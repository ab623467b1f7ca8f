import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { chosen, http, oneOf, unwrap } from '../../api/http';
import type { Doc, DocType, Page } from '../../api/types';
import { clientQueries } from '../clients/queries';
import { emailQueries } from '../emails/queries';
import { STATUS_FILTERS } from './statuses';

export interface DocumentListParams {
  status: string;
  q: string;
}

const all = ['documents'] as const;
/** Everything about one document (the document, its payments) sits under this key. */
const one = (type: DocType, id: string) => [...all, 'one', type, id] as const;

/** Invoice and estimate reads; a write invalidates `all()` (lists, documents, their payments). */
export const documentQueries = {
  all: () => all,
  one,
  /** Newest first, page after page ("Load more"): each page is fetched by its cursor. */
  list: (type: DocType, params: DocumentListParams) =>
    infiniteQueryOptions({
      queryKey: [...all, 'list', type, params] as const,
      queryFn: ({ pageParam }): Promise<Page<Doc>> => {
        const query = { q: chosen(params.q), cursor: pageParam, limit: 50 };
        return type === 'invoice'
          ? unwrap(
              http.GET('/invoices', {
                params: { query: { ...query, status: oneOf(STATUS_FILTERS.invoice, params.status) } },
              }),
            )
          : unwrap(
              http.GET('/estimates', {
                params: { query: { ...query, status: oneOf(STATUS_FILTERS.estimate, params.status) } },
              }),
            );
      },
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  detail: (type: DocType, id: string) =>
    queryOptions({
      queryKey: one(type, id),
      queryFn: (): Promise<Doc> =>
        type === 'invoice'
          ? unwrap(http.GET('/invoices/{id}', { params: { path: { id } } }))
          : unwrap(http.GET('/estimates/{id}', { params: { path: { id } } })),
      enabled: Boolean(id),
    }),
};

/** What an action on a document changes: the document, its payments, lists, the client 360° and the email log. */
export const documentActionChanges = () => [
  documentQueries.all(),
  clientQueries.everyOne(),
  emailQueries.all(),
];
