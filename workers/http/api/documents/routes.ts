import type { Router } from '../router';
import { registerClientDocumentRoutes } from './client-document-routes';
import { registerDocumentRoutes } from './document-routes';
import { registerEstimateActions } from './estimate-routes';
import { registerInvoiceActions } from './invoice-routes';
import { registerPaymentRoutes } from './payment-routes';

export function registerDocumentRoutesAll(app: Router) {
  registerDocumentRoutes(app, 'invoice');
  registerDocumentRoutes(app, 'estimate');
  registerInvoiceActions(app);
  registerPaymentRoutes(app);
  registerEstimateActions(app);
  registerClientDocumentRoutes(app);
}
