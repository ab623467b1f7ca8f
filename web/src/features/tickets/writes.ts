import { actionKey, http, type JsonBody, unwrap } from '../../api/http';

export const replyToTicket = (id: string, body: JsonBody<'/tickets/{id}/messages', 'post'>, key?: string) =>
  unwrap(http.POST('/tickets/{id}/messages', { params: { path: { id } }, body, ...actionKey(key) }));

export const setTicketStatus = (id: string, status: 'open' | 'closed', key?: string) =>
  unwrap(http.PATCH('/tickets/{id}', { params: { path: { id } }, body: { status }, ...actionKey(key) }));

/** Takes in a reply that was turned away, onto its ticket. */
export const acceptInboundMail = (id: string, key?: string) =>
  unwrap(http.POST('/tickets/inbound-mail/{id}/accept', { params: { path: { id } }, ...actionKey(key) }));
