import type { Language, TemplateKind } from '@clientele/core';
import { actionKey, http, unwrap } from '../../api/http';
import type { TemplateInput, TemplatePreviewInput } from '../../api/types';

export const saveTemplate = (kind: TemplateKind, body: TemplateInput, clientId?: string, key?: string) =>
  clientId
    ? unwrap(
        http.PUT('/clients/{id}/templates/{kind}', {
          params: { path: { id: clientId, kind } },
          body,
          ...actionKey(key),
        }),
      )
    : unwrap(http.PUT('/templates/{kind}', { params: { path: { kind } }, body, ...actionKey(key) }));

/** The client goes back to the business's template in this language. */
export const removeClientTemplate = (
  kind: TemplateKind,
  clientId: string,
  language: Language,
  key?: string,
) =>
  unwrap(
    http.DELETE('/clients/{id}/templates/{kind}', {
      params: { path: { id: clientId, kind }, query: { language } },
      ...actionKey(key),
    }),
  );

/** Rendered by the API with the code that sends the mail; writes nothing. */
export const previewTemplate = (kind: TemplateKind, body: TemplatePreviewInput) =>
  unwrap(http.POST('/templates/{kind}/preview', { params: { path: { kind } }, body }));
