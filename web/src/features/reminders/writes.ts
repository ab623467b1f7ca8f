import { actionKey, http, unwrap } from '../../api/http';

export const remindInvoice = (invoiceId: string, key?: string) =>
  unwrap(http.POST('/invoices/{id}/remind', { params: { path: { id: invoiceId } }, ...actionKey(key) }));
