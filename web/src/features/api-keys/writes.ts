import { actionKey, http, unwrap } from '../../api/http';
import type { ApiKey } from '../../api/types';

/** The key itself is in this answer only (the API keeps its hash). */
export const createApiKey = (name: string, scope: ApiKey['scope'], key?: string) =>
  unwrap(http.POST('/api-keys', { body: { name, scope }, ...actionKey(key) }));

export const revokeApiKey = (id: string, key?: string) =>
  unwrap(http.DELETE('/api-keys/{id}', { params: { path: { id } }, ...actionKey(key) }));
