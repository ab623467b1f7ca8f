import { actionKey, http, unwrap } from '../../api/http';
import type { components } from '../../api/schema';

export type CreditNoteInput = components['schemas']['CreditNoteInput'];
export type CreditRefundInput = components['schemas']['CreditRefundInput'];

export const createCreditNote = (invoiceId: string, body: CreditNoteInput, key?: string) =>
  unwrap(
    http.POST('/invoices/{id}/credit-notes', {
      params: { path: { id: invoiceId } },
      body,
      ...actionKey(key),
    }),
  );

export const sendCreditNote = (id: string, key?: string) =>
  unwrap(http.POST('/credit-notes/{id}/send', { params: { path: { id } }, ...actionKey(key) }));

export const applyCredit = (invoiceId: string, amount: number, key?: string) =>
  unwrap(
    http.POST('/invoices/{id}/apply-credit', {
      params: { path: { id: invoiceId } },
      body: { amount },
      ...actionKey(key),
    }),
  );

export const recordCreditRefund = (clientId: string, body: CreditRefundInput, key?: string) =>
  unwrap(
    http.POST('/clients/{id}/credit-refunds', {
      params: { path: { id: clientId } },
      body,
      ...actionKey(key),
    }),
  );
