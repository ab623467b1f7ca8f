import { createRoute } from '@hono/zod-openapi';
import { InvoicePatchSchema } from '../../../services/documents/schema';
import { permit } from '../../middleware/allow';
import { updateDocumentHandler } from '../documents/document-handlers';
import { invoiceAnswer } from '../documents/route-parts';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'updateInvoice',
  method: 'patch',
  path: '/invoices/{id}',
  tags: ['Invoices'],
  security,
  ...permit('write'),
  summary: 'Edit a draft invoice',
  request: { params: idParam('inv'), body: jsonBody(InvoicePatchSchema) },
  responses: { 200: jsonResponse(invoiceAnswer, 'The invoice'), ...conflict, ...commonErrors },
});

export function registerUpdateInvoice(app: Router) {
  app.openapi(route, updateDocumentHandler('invoice'));
}
