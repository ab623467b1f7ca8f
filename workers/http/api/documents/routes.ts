import { registerClientDocumentRoutes } from '../clients/routes';
import { registerCreditNoteRoutes } from '../credit-notes/routes';
import { registerEstimateActions, registerEstimateRoutes } from '../estimates/routes';
import { registerInvoicePaymentRoutes, registerInvoiceRoutes } from '../invoices/routes';
import { registerVoidInvoice } from '../invoices/void-invoice';
import { registerListPayments } from '../payments/list-payments';
import type { Router } from '../router';

// The order of registration is the order of the OpenAPI document (and of the admin app's types).
export function registerDocumentRoutesAll(app: Router) {
  registerInvoiceRoutes(app);
  registerEstimateRoutes(app);
  registerVoidInvoice(app);
  registerInvoicePaymentRoutes(app);
  registerListPayments(app);
  registerEstimateActions(app);
  registerCreditNoteRoutes(app);
  registerClientDocumentRoutes(app);
}
