import type { Router } from '../router';
import { registerCreateInvoice } from './create-invoice';
import { registerDeleteInvoice } from './delete-invoice';
import { registerDeletePayment } from './delete-payment';
import { registerDuplicateInvoice } from './duplicate-invoice';
import { registerGetInvoice } from './get-invoice';
import { registerGetInvoicePdf } from './get-invoice-pdf';
import { registerListInvoicePayments } from './list-invoice-payments';
import { registerListInvoiceReminders } from './list-invoice-reminders';
import { registerListInvoices } from './list-invoices';
import { registerListOnlinePayments } from './list-online-payments';
import { registerRecordPayment } from './record-payment';
import { registerRemindInvoice } from './remind-invoice';
import { registerSendInvoice } from './send-invoice';
import { registerUpdateInvoice } from './update-invoice';

export function registerInvoiceRoutes(app: Router) {
  registerListInvoices(app);
  registerCreateInvoice(app);
  registerGetInvoice(app);
  registerUpdateInvoice(app);
  registerDeleteInvoice(app);
  registerGetInvoicePdf(app);
  registerSendInvoice(app);
  registerDuplicateInvoice(app);
  registerRemindInvoice(app);
  registerListInvoiceReminders(app);
}

/** Payments are recorded, listed and deleted only through their own invoice's path. */
export function registerInvoicePaymentRoutes(app: Router) {
  registerRecordPayment(app);
  registerListInvoicePayments(app);
  registerListOnlinePayments(app);
  registerDeletePayment(app);
}
