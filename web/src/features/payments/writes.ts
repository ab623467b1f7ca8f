import { actionKey, http, unwrap } from '../../api/http';
import type { PaymentInput } from '../../api/types';

export const recordPayment = (invoiceId: string, body: PaymentInput, key?: string) =>
  unwrap(
    http.POST('/invoices/{id}/payments', { params: { path: { id: invoiceId } }, body, ...actionKey(key) }),
  );

/** A payment is deleted only through its own invoice's path. */
export const deletePayment = (invoiceId: string, paymentId: string, key?: string) =>
  unwrap(
    http.DELETE('/invoices/{id}/payments/{paymentId}', {
      params: { path: { id: invoiceId, paymentId } },
      ...actionKey(key),
    }),
  );
