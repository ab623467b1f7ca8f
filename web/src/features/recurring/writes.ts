import { actionKey, http, unwrap } from '../../api/http';
import type { RecurringInvoice, RecurringInvoiceInput } from '../../api/types';

const at = (id: string) => ({ params: { path: { id } } });

export const createRecurring = (body: RecurringInvoiceInput, key?: string): Promise<RecurringInvoice> =>
  unwrap(http.POST('/recurring-invoices', { body, ...actionKey(key) }));

export const updateRecurring = (
  id: string,
  body: Partial<RecurringInvoiceInput>,
  key?: string,
): Promise<RecurringInvoice> =>
  unwrap(http.PATCH('/recurring-invoices/{id}', { ...at(id), body, ...actionKey(key) }));

export const deleteRecurring = (id: string, key?: string) =>
  unwrap(http.DELETE('/recurring-invoices/{id}', { ...at(id), ...actionKey(key) }));

export type RecurringAction = 'pause' | 'resume' | 'skip';

export const actOnRecurring = (
  id: string,
  action: RecurringAction,
  key?: string,
): Promise<RecurringInvoice> => {
  switch (action) {
    case 'pause':
      return unwrap(http.POST('/recurring-invoices/{id}/pause', { ...at(id), ...actionKey(key) }));
    case 'resume':
      return unwrap(http.POST('/recurring-invoices/{id}/resume', { ...at(id), ...actionKey(key) }));
    case 'skip':
      return unwrap(http.POST('/recurring-invoices/{id}/skip', { ...at(id), ...actionKey(key) }));
  }
};
