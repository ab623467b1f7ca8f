import { actionKey, http, unwrap } from '../../api/http';
import type { ClientInput, ClientPatch } from '../../api/types';

export const createClient = (body: ClientInput, key?: string) =>
  unwrap(http.POST('/clients', { body, ...actionKey(key) }));

export const updateClient = (id: string, body: ClientPatch, key?: string) =>
  unwrap(http.PATCH('/clients/{id}', { params: { path: { id } }, body, ...actionKey(key) }));

export const archiveClient = (id: string, key?: string) =>
  unwrap(http.DELETE('/clients/{id}', { params: { path: { id } }, ...actionKey(key) }));
