import { actionKey, http, unwrap } from '../../api/http';
import type { Doc, DocType, DocumentInput } from '../../api/types';

const at = (id: string) => ({ params: { path: { id } } });

export const createDocument = (type: DocType, body: DocumentInput, key?: string): Promise<Doc> =>
  type === 'invoice'
    ? unwrap(http.POST('/invoices', { body, ...actionKey(key) }))
    : unwrap(http.POST('/estimates', { body, ...actionKey(key) }));

export const updateDocument = (
  type: DocType,
  id: string,
  body: Partial<DocumentInput>,
  key?: string,
): Promise<Doc> =>
  type === 'invoice'
    ? unwrap(http.PATCH('/invoices/{id}', { ...at(id), body, ...actionKey(key) }))
    : unwrap(http.PATCH('/estimates/{id}', { ...at(id), body, ...actionKey(key) }));

export const deleteDocument = (type: DocType, id: string, key?: string) =>
  type === 'invoice'
    ? unwrap(http.DELETE('/invoices/{id}', { ...at(id), ...actionKey(key) }))
    : unwrap(http.DELETE('/estimates/{id}', { ...at(id), ...actionKey(key) }));

/** Sends a draft; `resend` sends an issued document again ("Send again"). */
export const sendDocument = (type: DocType, id: string, resend: boolean, key?: string): Promise<Doc> => {
  const params = { path: { id }, query: resend ? { resend: 'true' as const } : {} };
  return type === 'invoice'
    ? unwrap(http.POST('/invoices/{id}/send', { params, ...actionKey(key) }))
    : unwrap(http.POST('/estimates/{id}/send', { params, ...actionKey(key) }));
};

export const voidInvoice = (id: string, key?: string) =>
  unwrap(http.POST('/invoices/{id}/void', { ...at(id), ...actionKey(key) }));

export const acceptEstimate = (id: string, key?: string) =>
  unwrap(http.POST('/estimates/{id}/accept', { ...at(id), body: {}, ...actionKey(key) }));

export const rejectEstimate = (id: string, reason: string | undefined, key?: string) =>
  unwrap(
    http.POST('/estimates/{id}/reject', { ...at(id), body: reason ? { reason } : {}, ...actionKey(key) }),
  );

export const convertEstimate = (id: string, key?: string) =>
  unwrap(http.POST('/estimates/{id}/convert', { ...at(id), ...actionKey(key) }));

/** A new draft with the document's client, lines and notes, dated today. */
export const duplicateDocument = (type: DocType, id: string, key?: string): Promise<Doc> =>
  type === 'invoice'
    ? unwrap(http.POST('/invoices/{id}/duplicate', { ...at(id), ...actionKey(key) }))
    : unwrap(http.POST('/estimates/{id}/duplicate', { ...at(id), ...actionKey(key) }));
