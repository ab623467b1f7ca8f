import type { TemplateKind } from '@clientele/core';
import { queryOptions } from '@tanstack/react-query';
import { http, unwrap } from '../../api/http';

/** A kind's templates in every language: the business's, or one client's overrides. */
export const templateQueries = {
  /** `step`: a reminder step's own template (business templates only). */
  set: (kind: TemplateKind, clientId?: string, step?: string) =>
    queryOptions({
      queryKey: ['templates', kind, clientId ?? null, step ?? null] as const,
      queryFn: () =>
        clientId
          ? unwrap(http.GET('/clients/{id}/templates/{kind}', { params: { path: { id: clientId, kind } } }))
          : unwrap(
              http.GET('/templates/{kind}', { params: { path: { kind }, query: step ? { step } : {} } }),
            ),
    }),
};
