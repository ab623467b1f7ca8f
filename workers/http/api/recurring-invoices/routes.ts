import type { Router } from '../router';
import { registerCreateRecurringInvoice } from './create-recurring-invoice';
import { registerDeleteRecurringInvoice } from './delete-recurring-invoice';
import { registerGetRecurringInvoice } from './get-recurring-invoice';
import { registerListRecurringInvoices } from './list-recurring-invoices';
import { registerPauseRecurringInvoice } from './pause-recurring-invoice';
import { registerResumeRecurringInvoice } from './resume-recurring-invoice';
import { registerRunRecurringInvoicesNow } from './run-recurring-invoices-now';
import { registerSkipRecurringInvoice } from './skip-recurring-invoice';
import { registerUpdateRecurringInvoice } from './update-recurring-invoice';

export function registerRecurringInvoiceRoutes(app: Router) {
  registerListRecurringInvoices(app);
  registerCreateRecurringInvoice(app);
  registerGetRecurringInvoice(app);
  registerUpdateRecurringInvoice(app);
  registerDeleteRecurringInvoice(app);
  registerPauseRecurringInvoice(app);
  registerResumeRecurringInvoice(app);
  registerSkipRecurringInvoice(app);
  registerRunRecurringInvoicesNow(app);
}
