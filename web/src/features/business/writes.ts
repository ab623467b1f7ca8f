import { actionKey, http, type JsonBody, unwrap } from '../../api/http';

export type CloseBusinessInput = JsonBody<'/business', 'delete'>;

export const closeBusiness = (body: CloseBusinessInput, key?: string) =>
  unwrap(http.DELETE('/business', { body, ...actionKey(key) }));
