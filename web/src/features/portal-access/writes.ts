import { actionKey, http, unwrap } from '../../api/http';

/** A new sign-in link; its URL is in this answer only (the API keeps its hash). */
export const createPortalLink = (clientId: string, key?: string) =>
  unwrap(http.POST('/clients/{id}/portal-links', { params: { path: { id: clientId } }, ...actionKey(key) }));

export const revokePortalLink = (id: string, key?: string) =>
  unwrap(http.DELETE('/portal-links/{id}', { params: { path: { id } }, ...actionKey(key) }));
